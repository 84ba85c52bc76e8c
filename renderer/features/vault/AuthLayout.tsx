import type { ReactNode, Ref } from 'react';
import { Banner, BannerTag } from '../../components/Banner';
import styles from './AuthLayout.module.css';

/**
 * The frame of the screens shown before sign-in: the app's name in a banner, then one centred
 * panel with the screen's heading. Landmarks (header, main) let screen reader users jump.
 */
export function AuthLayout({
  title,
  headingId,
  headingRef,
  children,
  wide = false,
}: {
  title: string;
  headingId: string;
  headingRef?: Ref<HTMLHeadingElement>;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <div className="auth">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Banner>
        <BannerTag>National Clinical Assessment and Treatment Service</BannerTag>
      </Banner>
      <main id="main" className={styles.main} tabIndex={-1}>
        <div className={wide ? `${styles.panel} ${styles.wide}` : styles.panel}>
          <h1 id={headingId} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
            {title}
          </h1>
          {children}
        </div>
      </main>
    </div>
  );
}

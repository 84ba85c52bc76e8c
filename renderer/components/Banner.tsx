import type { ReactNode } from 'react';
import styles from './Banner.module.css';

/**
 * The blue banner across the top of every screen: the app's name, then what the screen puts
 * beside it (the service's name before sign-in; who is signed in and Lock after).
 */
export function Banner({ signedIn = false, children }: { signedIn?: boolean; children: ReactNode }) {
  return (
    <header className={styles.banner}>
      <div className={signedIn ? `${styles.inner} ${styles.innerShell}` : styles.inner}>
        <span className={styles.name}>NCATS Casework</span>
        {children}
      </div>
    </header>
  );
}

/** The words beside the name before sign-in. */
export function BannerTag({ children }: { children: ReactNode }) {
  return <span className={styles.tag}>{children}</span>;
}

/** Who is signed in, and in what role. */
export function BannerUser({ name, role }: { name: string; role: string }) {
  return (
    <div className={styles.user}>
      <span className={styles.userName} data-testid="signed-in-user">
        {name}
      </span>
      <span className={styles.role}>{role}</span>
    </div>
  );
}

/** The class of the Lock button in the banner (a white button on the blue). */
export const LOCK_BUTTON_CLASS = `button ${styles.lock}`;

import type { ReactNode, Ref } from 'react';

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
      <header className="banner">
        <div className="banner__inner">
          <span className="banner__name">NCATS Casework</span>
          <span className="banner__tag">National Clinical Assessment and Treatment Service</span>
        </div>
      </header>
      <main id="main" className="auth__main" tabIndex={-1}>
        <div className={wide ? 'panel panel--wide' : 'panel'}>
          <h1 id={headingId} ref={headingRef} tabIndex={headingRef ? -1 : undefined}>
            {title}
          </h1>
          {children}
        </div>
      </main>
    </div>
  );
}

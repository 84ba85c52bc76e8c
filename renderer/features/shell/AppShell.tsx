import { Suspense, useEffect } from 'react';
import type { SessionUser } from '../../../preload/contract';
import { ROLE_LABELS } from '../../lib/roles';
import { lockNow } from '../../lib/session';
import { useActivityTouch } from '../../lib/useActivityTouch';
import { useFocusOnMount } from '../../lib/useFocusOnMount';
import { useCasesStore } from '../../stores/cases';
import { useShellStore } from '../../stores/shell';
import { DraftsOffer } from '../drafts/DraftsOffer';
import { areaToShow, type AreaDefinition } from './area-registry';
import './contributions';
import { EmptyArea } from './EmptyArea';
import { Navigation } from './Navigation';
import styles from './AppShell.module.css';
import { Banner, BannerUser, LOCK_BUTTON_CLASS } from '../../components/Banner';

/** Ctrl+L (Cmd+L on a Mac) locks the vault from anywhere in the app. */
function isLockShortcut(e: KeyboardEvent): boolean {
  return (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 'l';
}

/** An area's screen, loaded on demand, or its empty state when its module is still to come. */
function AreaBody({ area, user }: { area: AreaDefinition; user: SessionUser }) {
  const Screen = area.component;
  if (!Screen) return <EmptyArea info={area} />;
  return (
    <Suspense fallback={<p role="status">Opening {area.label}…</p>}>
      <Screen user={user} />
    </Suspense>
  );
}

/** The signed-in app: banner with the user and the Lock button, navigation, and the area. */
export function AppShell({ user }: { user: SessionUser }) {
  const storedArea = useShellStore((s) => s.area);
  const visit = useShellStore((s) => s.visit);
  // A role that may not see the stored area (e.g. after signing in as someone else) gets the first it sees (Home).
  const info = areaToShow(storedArea, user.role);
  const area = info?.id;
  const heading = useFocusOnMount<HTMLHeadingElement>(visit);
  // An open case owns the screen: the area's heading stays for screen readers, out of sight.
  const caseOpen = useCasesStore((s) => s.view.kind === 'case') && area === 'cases';
  useActivityTouch(true);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isLockShortcut(e)) return;
      e.preventDefault();
      void lockNow();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className={styles.shell}>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <Banner signedIn>
        <BannerUser name={user.displayName} role={ROLE_LABELS[user.role]} />
        <button
          type="button"
          className={LOCK_BUTTON_CLASS}
          onClick={() => void lockNow()}
          title="Lock the vault now (Ctrl+L)"
          aria-keyshortcuts="Control+L"
        >
          Lock
        </button>
      </Banner>
      <div className={styles.body}>
        <Navigation role={user.role} />
        <main id="main" className={caseOpen ? `${styles.main} ${styles.mainCase}` : styles.main} tabIndex={-1}>
          <h1 ref={heading} tabIndex={-1} className={caseOpen ? 'visually-hidden' : undefined}>
            {info?.label}
          </h1>
          <DraftsOffer />
          {/* Keyed by the area: without it one Suspense boundary served every area, so leaving
              Cases for an area still loading only hid the Cases tree, and coming back revealed
              it as it was (a stale caseload, its effects never run again) instead of mounting it. */}
          {info && <AreaBody key={info.id} area={info} user={user} />}
        </main>
      </div>
    </div>
  );
}

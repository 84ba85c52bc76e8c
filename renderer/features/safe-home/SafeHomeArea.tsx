/**
 * The Safe Home area: the service view (runs and their figures) with "New run", each run's
 * overview, and for administrators the theme list and the completion rule.
 */
import { useEffect, useState } from 'react';
import type { SessionUser } from '../../../preload/contract';
import { SubNav } from '../../components/SubNav';
import { errorMessage } from '../../lib/api';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { loadServiceView, loadThemesAndRule, openRun } from './safe-home-actions';
import { useSafeHomeStore } from './safe-home-store';
import { RunOverview } from './RunOverview';
import { ServiceView } from './ServiceView';
import { SafeHomeSettings } from './SafeHomeSettings';
import styles from './SafeHome.module.css';

type View = 'runs' | 'settings';
const VIEW_TITLES: Record<View, string> = { runs: 'Runs of the programme', settings: 'Themes and completion rule' };

export function SafeHomeArea({ user }: { user: SessionUser }) {
  const isAdmin = user.role === 'administrator';
  const [view, setView] = useState<View>('runs');
  const [error, setError] = useState<string | null>(null);
  const run = useSafeHomeStore((s) => s.run);
  const focusLater = useFocusLater();

  useEffect(() => {
    // Coming back to the area returns to the run that was open, fetched again: its carers' cases may have changed.
    const open = useSafeHomeStore.getState().run;
    Promise.all([loadServiceView(), loadThemesAndRule(), open ? openRun(open.id) : null]).catch((err: unknown) =>
      setError(errorMessage(err)),
    );
  }, []);

  function choose(next: View) {
    setView(next);
    if (run) void openRun(null);
    focusLater(() => document.getElementById('safe-home-view-heading'));
  }

  const views: View[] = isAdmin ? ['runs', 'settings'] : ['runs'];
  return (
    <div className={styles.area}>
      <p className="lead">
        Safe Home is the programme for the parents and carers of young people who displayed harmful sexual behaviour: 12
        to 15 sessions, in a group or for one family.
      </p>
      {views.length > 1 && (
        <SubNav
          label="Safe Home"
          items={views.map((v) => ({ view: v, label: VIEW_TITLES[v] }))}
          current={run ? null : view}
          onChoose={choose}
        />
      )}
      {error && (
        <p role="alert" className="result result--problem">
          {error}
        </p>
      )}
      {run ? (
        <RunOverview run={run} />
      ) : (
        <>
          <h2 id="safe-home-view-heading" tabIndex={-1} className="view-heading">
            {VIEW_TITLES[view]}
          </h2>
          {view === 'runs' && <ServiceView canWrite={user.role !== 'read-only'} />}
          {view === 'settings' && isAdmin && <SafeHomeSettings />}
        </>
      )}
    </div>
  );
}

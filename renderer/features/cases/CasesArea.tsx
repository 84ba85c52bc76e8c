import { useEffect, useRef } from 'react';
import type { Role } from '../../../preload/contract';
import { showCasesView, useCasesStore, type CasesView } from '../../stores/cases';
import { useShellStore } from '../../stores/shell';
import { CaseBackButton } from './case-page/CaseBackButton';
import { CasePage } from './case-page/CasePage';
import { CaseloadView } from './CaseloadView';
import { loadDirectory } from './cases-actions';
import { MyTasks } from './MyTasks';
import { ReferralForm } from './ReferralForm';
import { SearchBox } from '../search/SearchBox';
import { SearchResults } from '../search/SearchResults';
import styles from './CasesArea.module.css';
import { SubNav } from '../../components/SubNav';

const VIEW_TITLES: Record<Exclude<CasesView['kind'], 'case' | 'search'>, string> = {
  caseload: 'Caseload',
  tasks: 'My tasks',
  'new-referral': 'New referral',
};

/** The two views the Cases area's own navigation offers. */
const CASES_VIEWS = [
  { view: 'caseload', label: VIEW_TITLES.caseload },
  { view: 'tasks', label: VIEW_TITLES.tasks },
] as const;

/**
 * The Cases area's header row: its own navigation (the caseload and my tasks; with a case open,
 * the way back instead), the search and the new-referral button.
 */
function CasesNav({ view, canRefer }: { view: CasesView; canRefer: boolean }) {
  // With a case open, the way back replaces the links: the case owns the screen below one row.
  return (
    <div className={view.kind === 'case' ? `${styles.header} ${styles.headerCase}` : styles.header}>
      {view.kind === 'case' ? (
        <CaseBackButton />
      ) : (
        <SubNav
          label="Cases"
          items={CASES_VIEWS}
          current={view.kind === 'caseload' || view.kind === 'tasks' ? view.kind : null}
          onChoose={(kind) => showCasesView({ kind })}
        />
      )}
      <SearchBox />
      {canRefer && view.kind !== 'case' && (
        <button
          type="button"
          className={`${styles.newReferral} button`}
          aria-current={view.kind === 'new-referral' ? 'page' : undefined}
          onClick={() => showCasesView({ kind: 'new-referral' })}
        >
          New referral
        </button>
      )}
    </div>
  );
}

/**
 * The Cases area: caseload, my tasks, new referral, search results (cases, notes, documents)
 * and one case. Focus
 * moves to the new view's heading whenever the view changes (not on first arrival, when the
 * shell has already put it on the area's heading).
 */
export function CasesArea({ role }: { role: Role }) {
  const view = useCasesStore((s) => s.view);
  const visit = useCasesStore((s) => s.visit);
  const firstVisit = useRef(visit);
  const canRefer = role !== 'read-only';
  const shellVisit = useShellStore((s) => s.visit);
  const firstShellVisit = useRef(shellVisit);

  useEffect(() => {
    // The lead-worker filter can do without the directory: a failure leaves it at "Anyone".
    loadDirectory().catch(() => undefined);
  }, []);

  useEffect(() => {
    if (visit === firstVisit.current || view.kind === 'case') return;
    document.getElementById('cases-view-heading')?.focus();
  }, [visit, view.kind]);

  useEffect(() => {
    // "Cases" chosen in the main navigation while already here: back to the caseload, as a
    // link to the area should. Arriving from another area keeps the view that was left open.
    if (shellVisit === firstShellVisit.current) return;
    firstShellVisit.current = shellVisit;
    // Not showCasesView: the shell has put focus on the area's heading, and it stays there.
    useCasesStore.setState({ view: { kind: 'caseload' } });
  }, [shellVisit]);

  const openReferral = () => showCasesView({ kind: 'new-referral' });

  return (
    <div className={styles.area}>
      <CasesNav view={view} canRefer={canRefer} />
      {view.kind === 'case' ? (
        <CasePage key={view.caseId} caseId={view.caseId} />
      ) : view.kind === 'search' ? (
        // Keyed by the visit: each search (even of the same words) and each return from a case
        // starts from the view's paging; paging a section is not a visit, so it stays in place.
        <SearchResults key={`search-${visit}`} query={view.query} paging={view.paging} />
      ) : (
        <>
          <h2 id="cases-view-heading" tabIndex={-1} className="view-heading">
            {VIEW_TITLES[view.kind]}
          </h2>
          {view.kind === 'caseload' && <CaseloadView canRefer={canRefer} onNewReferral={openReferral} />}
          {view.kind === 'tasks' && <MyTasks />}
          {view.kind === 'new-referral' &&
            (canRefer ? <ReferralForm /> : <p>Your role can look at cases but not record referrals.</p>)}
        </>
      )}
    </div>
  );
}

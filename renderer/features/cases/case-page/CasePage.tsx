import { useEffect } from 'react';
import { useFocusOnMount } from '../../../lib/useFocusOnMount';
import { useCasePageStore, type CaseTab } from '../../../stores/case-page';
import { useSessionStore } from '../../../stores/session';
import { openSendCase } from '../../sharing';
import { AccessLogTab } from './AccessLogTab';
import { CaseHeader } from './CaseHeader';
import { CaseTabs, type TabSpec } from './CaseTabs';
import { ChronologyTab } from './ChronologyTab';
import { ConflictNotice } from './ConflictNotice';
import { DocumentsTab } from './DocumentsTab';
import { FlagBanner } from './FlagBanner';
import { FlagsTab } from './FlagsTab';
import { NotesTab } from './NotesTab';
import { OverviewTab } from './OverviewTab';
import { PaperworkTab } from './PaperworkTab';
import { PeopleTab } from './PeopleTab';
import { TasksTab } from './TasksTab';
import { openCase, reloadCase, selectTab } from './case-actions';

function TabBody({ tab }: { tab: CaseTab }) {
  switch (tab) {
    case 'overview':
      return <OverviewTab />;
    case 'people':
      return <PeopleTab />;
    case 'paperwork':
      return <PaperworkTab />;
    case 'flags':
      return <FlagsTab />;
    case 'tasks':
      return <TasksTab />;
    case 'notes':
      return <NotesTab />;
    case 'documents':
      return <DocumentsTab />;
    case 'chronology':
      return <ChronologyTab />;
    case 'access-log':
      return <AccessLogTab />;
  }
}

/**
 * One case: who it is about, where it stands, open flags, and its records in tabs. Opened from
 * the caseload, my tasks or the search results (the Cases header's back button returns there).
 * It owns the screen: one compact header holds the facts, the clock and the open flags, so the
 * tabs and the start of their content are visible at 1280x800 without scrolling.
 */
export function CasePage({ caseId }: { caseId: string }) {
  const detail = useCasePageStore((s) => s.detail);
  const loadError = useCasePageStore((s) => s.loadError);
  const conflict = useCasePageStore((s) => s.conflict);
  const flags = useCasePageStore((s) => s.flags);
  const tab = useCasePageStore((s) => s.tab);
  const tabError = useCasePageStore((s) => s.tabError);
  const role = useSessionStore((s) => s.user?.role);
  const heading = useFocusOnMount<HTMLHeadingElement>(detail?.id ?? null);

  useEffect(() => {
    void openCase(caseId);
  }, [caseId]);

  const isAdmin = role === 'administrator';
  const canShare = role !== undefined && role !== 'read-only';
  const shownTab: CaseTab = tab === 'access-log' && !isAdmin ? 'overview' : tab;
  const openFlags = flags?.filter((f) => f.state !== 'cleared').length ?? 0;
  const tabs: TabSpec[] = [
    { id: 'overview', label: 'Overview' },
    { id: 'people', label: 'People', count: detail?.people.length },
    { id: 'paperwork', label: 'Paperwork' },
    { id: 'flags', label: 'Flags', count: openFlags },
    { id: 'tasks', label: 'Tasks' },
    { id: 'notes', label: 'Notes' },
    { id: 'documents', label: 'Documents' },
    { id: 'chronology', label: 'Chronology' },
    ...(isAdmin ? [{ id: 'access-log' as const, label: 'Access log' }] : []),
  ];

  return (
    <div className="case-page" data-testid="case-page">
      {detail && canShare && (
        <p id="share-case-hint" className="visually-hidden">
          Opens Sharing, Send a case, with this case chosen: you pick what goes in and who receives it.
        </p>
      )}
      {loadError && (
        <div className="form-error" role="alert">
          {loadError}{' '}
          <button type="button" className="link-button" onClick={() => void reloadCase()}>
            Try again
          </button>
        </div>
      )}
      {!detail && !loadError && (
        <p role="status" className="case-page__loading">
          Opening the case…
        </p>
      )}
      {detail && (
        <>
          <CaseHeader
            detail={detail}
            headingRef={heading}
            actions={
              canShare && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-describedby="share-case-hint"
                  onClick={() => openSendCase(detail.id)}
                >
                  Share this case
                </button>
              )
            }
            flags={flags && <FlagBanner flags={flags} onShowFlags={() => selectTab('flags')} />}
          />
          {conflict && <ConflictNotice onReload={() => void reloadCase()} />}
          <CaseTabs tabs={tabs} active={shownTab} onSelect={selectTab}>
            {tabError && (
              <p className="form-error" role="alert">
                {tabError}
              </p>
            )}
            <TabBody tab={shownTab} />
          </CaseTabs>
        </>
      )}
    </div>
  );
}

import { Suspense, useEffect } from 'react';
import { useFocusOnMount } from '../../../lib/useFocusOnMount';
import { useCasePageStore } from '../../../stores/case-page';
import { useSessionStore } from '../../../stores/session';
import { openSendCase } from '../../sharing';
import { CaseHeader } from './CaseHeader';
import { CaseTabs } from './CaseTabs';
import { ConflictNotice } from './ConflictNotice';
import { FlagBanner } from './FlagBanner';
import { openCase, reloadCase, selectTab } from './case-actions';
import './case-tabs.contribution';
import { caseTabsFor, caseTabToShow, type CaseTabDefinition } from './tab-registry';

/** The shown tab's screen (a module's tab may be loaded on demand). */
function TabBody({ tab }: { tab: CaseTabDefinition }) {
  const Screen = tab.component;
  return (
    <Suspense fallback={<p role="status">Opening {tab.label}…</p>}>
      <Screen />
    </Suspense>
  );
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

  const canShare = role !== undefined && role !== 'read-only';
  const tabs = caseTabsFor(role);
  // A tab the role may not see (e.g. the access log after signing in as someone else) shows Overview.
  const shownTab = caseTabToShow(tab, role);

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
          <CaseTabs tabs={tabs} active={shownTab?.id ?? tab} onSelect={selectTab}>
            {tabError && (
              <p className="form-error" role="alert">
                {tabError}
              </p>
            )}
            {shownTab && <TabBody tab={shownTab} />}
          </CaseTabs>
        </>
      )}
    </div>
  );
}

import { useState } from 'react';
import type { ChronologyEvent, ChronologyFilter, ChronologyGroup } from '../../../../preload/contract/casework';
import { chronologyKind, isChronologyKind } from '../../../../preload/contract/chronology-kinds';
import { countOf } from '../../../../preload/contract/plural';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useCasePageStore } from '../../../stores/case-page';
import { ChronologyFilters, isFiltered } from './ChronologyFilters';
import styles from './ChronologyTab.module.css';
import { NEWEST_FIRST_WORDS, Pager } from '../../../components/Pager';
import { chronologyKindLabel } from './labels';
import { filterChronology, loadChronology } from './case-actions';
import { ReportDownloads } from '../../reports/ReportDownloads';
import { SubjectAccessRequest } from '../../reports/subject-access/SubjectAccessRequest';

/** A date-only event (referral, paperwork) shows as a date; anything else with its time. */
function when(at: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(at) ? formatDate(at) : formatDateTime(at);
}

/** Summaries come from the core's SQL; some start lower-case ("case note: ..."). */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A CSS-drawn marker per kind (shape and colour), always next to the kind's text label. */
function kindClass(kind: string): string {
  return isChronologyKind(kind) ? (styles[`kind_${chronologyKind(kind).marker}`] ?? '') : '';
}

function ChronologyItem({ event: e, testId }: { event: ChronologyEvent; testId: string }) {
  return (
    <li className={`${styles.item} ${kindClass(e.kind)}`} data-testid={testId} data-kind={e.kind}>
      <span className={styles.marker} aria-hidden="true" />
      <div className={styles.when}>{when(e.at)}</div>
      <div className={styles.body}>
        <p className={styles.head}>
          <span className={styles.kind}>{chronologyKindLabel(e.kind)}</span>
          {e.thirdPartySensitive && <span className="tag tag--third-party">Third-party information</span>}
        </p>
        <p className={styles.summary}>{sentence(e.summary)}</p>
        {e.actorName && <p className={styles.actor}>{e.actorName}</p>}
      </div>
    </li>
  );
}

const key = (e: ChronologyEvent) => `${e.kind}-${e.entityId}-${e.at}`;

/**
 * The case's chronology: what is still to come (future due dates) apart at the top, then every
 * dated event that has happened, newest first, filtered by kind and third-party content. The
 * filter lives in the case-page store, so paging keeps it.
 */
export function ChronologyTab() {
  const chronology = useCasePageStore((s) => s.chronology);
  const filter = useCasePageStore((s) => s.chronologyFilter);
  // Every kind unticked: nothing is asked for until one is ticked again (the store keeps the
  // last filter that could be asked for).
  const [noneChosen, setNoneChosen] = useState(false);
  const groups = noneChosen ? [] : filter.groups;

  function change(next: ChronologyGroup[], thirdParty: ChronologyFilter['thirdParty']) {
    setNoneChosen(next.length === 0);
    if (next.length > 0) void filterChronology({ groups: next, thirdParty });
    else useCasePageStore.setState({ chronologyFilter: { ...filter, thirdParty } });
  }

  // Whether the page shown was filtered, not the filter just chosen: until its page arrives, the
  // count and the list are still the last page's, and must not be labelled as matching the new one.
  const filtered = isFiltered(chronology?.shownFor ?? filter);
  const upcoming = chronology?.upcoming ?? [];
  return (
    <div className="tab-body">
      <h3>Chronology</h3>
      <ReportDownloads kind="chronology" name="chronology" />
      <SubjectAccessRequest />
      <p className="muted">
        What has happened on the case, newest first: referral, status changes, notes, flags, tasks, paperwork and
        documents. Dates still to come are shown apart, as upcoming.
      </p>
      <ChronologyFilters groups={groups} thirdParty={filter.thirdParty} onChange={change} />
      {noneChosen && (
        <p className={`form-error ${styles.chooseOne}`} role="alert">
          Choose at least one kind of event to show.
        </p>
      )}
      {!noneChosen && !chronology && <p>Loading the chronology…</p>}
      {!noneChosen && chronology && upcoming.length > 0 && (
        <section className={styles.upcoming} aria-labelledby="chrono-upcoming-heading">
          <h4 id="chrono-upcoming-heading">Upcoming ({chronology.upcomingTotal})</h4>
          <ol className={`${styles.chrono} ${styles.list}`} aria-label="Upcoming, soonest first">
            {upcoming.map((e) => (
              <ChronologyItem key={key(e)} event={e} testId="chronology-upcoming" />
            ))}
          </ol>
          {chronology.upcomingTotal > upcoming.length && (
            <p className="muted">
              The {upcoming.length} soonest are shown; the Tasks tab lists all {chronology.upcomingTotal}.
            </p>
          )}
        </section>
      )}
      {!noneChosen && chronology && (
        <section className={styles.history} aria-labelledby="chrono-history-heading">
          <h4 id="chrono-history-heading">What has happened</h4>
          <p className={styles.count} role="status" data-testid="chronology-count">
            {countOf(chronology.total, 'event')}
            {filtered ? ` ${chronology.total === 1 ? 'matches' : 'match'} the filter` : ''}
          </p>
          {chronology.items.length === 0 && (
            <p className="muted">
              {filtered ? 'Nothing that has happened matches the filter.' : 'Nothing has happened on this case yet.'}
            </p>
          )}
          {chronology.items.length > 0 && (
            <ol className={`${styles.chrono} ${styles.list}`} aria-label="Events, newest first">
              {chronology.items.map((e) => (
                <ChronologyItem key={key(e)} event={e} testId="chronology-event" />
              ))}
            </ol>
          )}
          <Pager
            label="Pages of the chronology"
            offset={chronology.offset}
            limit={chronology.limit}
            total={chronology.total}
            onOffset={(o) => void loadChronology(o)}
            words={NEWEST_FIRST_WORDS}
            compact
          />
        </section>
      )}
    </div>
  );
}

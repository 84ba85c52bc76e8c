import { formatDate, formatDateTime } from '../../../lib/dates';
import { useCasePageStore } from '../../../stores/case-page';
import { Pager } from './Pager';
import { chronologyKindLabel } from './labels';
import { loadChronology } from './case-actions';
import { ReportDownloads } from '../../reports/ReportDownloads';

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
  const known = [
    'referral',
    'status_change',
    'note',
    'flag_raised',
    'flag_cleared',
    'task_due',
    'task_done',
    'paperwork_received',
    'document_added',
  ];
  return known.includes(kind) ? `chrono--${kind}` : 'chrono--other';
}

/** Every dated event of the case across modules, newest first. */
export function ChronologyTab() {
  const chronology = useCasePageStore((s) => s.chronology);
  return (
    <div className="tab-body">
      <h3>Chronology</h3>
      <ReportDownloads kind="chronology" name="chronology" />
      <p className="muted">
        Every dated event on the case, newest first: referral, status changes, notes, flags, tasks, paperwork and
        documents.
      </p>
      {!chronology && <p>Loading the chronology…</p>}
      {chronology?.items.length === 0 && <p className="muted">Nothing has happened on this case yet.</p>}
      {chronology && chronology.items.length > 0 && (
        <ol className="chrono" aria-label="Events, newest first">
          {chronology.items.map((e) => (
            <li
              key={`${e.kind}-${e.entityId}-${e.at}`}
              className={`chrono__item ${kindClass(e.kind)}`}
              data-testid="chronology-event"
              data-kind={e.kind}
            >
              <span className="chrono__marker" aria-hidden="true" />
              <div className="chrono__when">{when(e.at)}</div>
              <div className="chrono__body">
                <p className="chrono__head">
                  <span className="chrono__kind">{chronologyKindLabel(e.kind)}</span>
                  {e.thirdPartySensitive && <span className="tag tag--third-party">Third-party information</span>}
                </p>
                <p className="chrono__summary">{sentence(e.summary)}</p>
                {e.actorName && <p className="chrono__actor">{e.actorName}</p>}
              </div>
            </li>
          ))}
        </ol>
      )}
      {chronology && (
        <Pager
          label="Pages of the chronology"
          offset={chronology.offset}
          limit={chronology.limit}
          total={chronology.total}
          onPage={(o) => void loadChronology(o)}
        />
      )}
    </div>
  );
}

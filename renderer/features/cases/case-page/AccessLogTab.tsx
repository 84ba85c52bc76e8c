import type { AccessLogEntry } from '../../../../preload/contract';
import { countOf } from '../../../../preload/contract/plural';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useCasePageStore } from '../../../stores/case-page';
import { NEWEST_FIRST_WORDS, Pager } from '../../../components/Pager';
import { loadAccessLog } from './case-actions';

/** Audit actions in words; unknown ones are shown as recorded. */
const ACTIONS: Record<string, string> = {
  'case.read': 'Viewed the case',
  'case.create': 'Made the referral',
  'case.update': 'Changed case details',
  'case.status': 'Changed the status',
  'case.access_log': 'Looked at this access log',
  'bundle.export': 'Exported the case in a bundle',
  'bundle.import': 'Imported the case from a bundle',
  'bundle.conflict.resolve': 'Resolved a bundle conflict',
  'document.read': 'Opened a document in the app',
  'document.create': 'Attached a document',
  'document.delete': 'Removed a document',
  'document.update': 'Changed a document’s details',
  'document.export': 'Saved an unencrypted copy of a document',
  'flag.raise': 'Raised a flag',
  'flag.clear': 'Cleared a flag',
  'note.create': 'Added a note',
  'note.update': 'Edited a note',
  'paperwork.set': 'Recorded paperwork',
  'person.add': 'Added a person',
  'person.update': 'Changed a person’s details',
  'person.remove': 'Removed a person',
  'task.create': 'Added a task',
  'task.complete': 'Completed a task',
  'report.export': 'Downloaded a report',
  'draft.create': 'Started a draft',
  'draft.restore': 'Reopened a draft',
  'draft.discard': 'Removed a draft',
};

/** What was done, with how many times for collapsed views ("Viewed the case 7 times"). */
function actionText(e: AccessLogEntry): string {
  const text = ACTIONS[e.action] ?? e.action.replace(/[._]/g, ' ');
  return e.count > 1 ? `${text} ${countOf(e.count, 'time')}` : text;
}

const time = (iso: string) => formatDateTime(iso).slice(-5);

/** When: one time, or for collapsed views the first to the last ("01/12/2026 09:14–09:40"). */
function whenText(e: AccessLogEntry): string {
  // Views within one minute read as that minute alone.
  if (formatDateTime(e.firstAt) === formatDateTime(e.at)) return formatDateTime(e.at);
  if (formatDate(e.firstAt) === formatDate(e.at)) return `${formatDateTime(e.firstAt)}–${time(e.at)}`;
  return `${formatDateTime(e.firstAt)} to ${formatDateTime(e.at)}`;
}

/** Administrators only: who viewed or changed the case, from the audit trail. */
export function AccessLogTab() {
  const log = useCasePageStore((s) => s.accessLog);
  return (
    <div className="tab-body">
      <h3>Access log</h3>
      <p className="muted">
        Who viewed or changed this case, newest first, from the tamper-evident audit trail. Views of the same record by
        one person between signing in and the next lock or sign-in are shown as one line, with how many times and from
        when to when.
      </p>
      {!log && <p>Loading the access log…</p>}
      {log && (
        <table className="table">
          <caption className="visually-hidden">Access to this case, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Record</th>
            </tr>
          </thead>
          <tbody>
            {log.items.map((e) => (
              <tr key={e.seq}>
                <td>{whenText(e)}</td>
                <th scope="row">{e.userDisplayName ?? e.username ?? 'Unknown user'}</th>
                <td>{actionText(e)}</td>
                <td>{e.entityType ? e.entityType.replace(/_/g, ' ') : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {log && (
        <Pager
          label="Pages of the access log"
          offset={log.offset}
          limit={log.limit}
          total={log.total}
          onOffset={(o) => void loadAccessLog(o)}
          words={NEWEST_FIRST_WORDS}
          compact
        />
      )}
    </div>
  );
}

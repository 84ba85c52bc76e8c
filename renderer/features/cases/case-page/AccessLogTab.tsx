import { formatDateTime } from '../../../lib/dates';
import { useCasePageStore } from '../../../stores/case-page';
import { Pager } from './Pager';
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
};

function actionText(action: string): string {
  return ACTIONS[action] ?? action.replace(/[._]/g, ' ');
}

/** Administrators only: who viewed or changed the case, from the audit trail. */
export function AccessLogTab() {
  const log = useCasePageStore((s) => s.accessLog);
  return (
    <div className="tab-body">
      <h3>Access log</h3>
      <p className="muted">Who viewed or changed this case, newest first, from the tamper-evident audit trail.</p>
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
                <td>{formatDateTime(e.at)}</td>
                <th scope="row">{e.username ?? 'Unknown user'}</th>
                <td>{actionText(e.action)}</td>
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
          onPage={(o) => void loadAccessLog(o)}
        />
      )}
    </div>
  );
}

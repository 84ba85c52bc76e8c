import { useState } from 'react';
import type { Page } from '../../../preload/contract';
import type { TaskView } from '../../../preload/contract/casework';
import { ApiError, call, errorMessage } from '../../lib/api';
import { usePagedCall } from '../../lib/usePagedCall';
import { formatDate } from '../../lib/dates';
import { openCase } from '../../stores/cases';
import { useSessionStore } from '../../stores/session';
import { TASK_STATE_LABELS } from './case-page/labels';
import styles from './MyTasks.module.css';
import { Pager, totalWords } from '../../components/Pager';

/** Tasks per page in each list. */
const PAGE_SIZE = 25;

type View = 'overdue' | 'due_soon';

/** A table of tasks: the case reference (which opens the case) with the young person's name. */
function TaskTable(props: {
  tasks: TaskView[];
  caption: string;
  showOwner: boolean;
  canWrite: boolean;
  busyId: string | null;
  onDone: (t: TaskView) => void;
}) {
  const { tasks, caption, showOwner, canWrite, busyId, onDone } = props;
  return (
    // Scrolls sideways inside itself on a narrow window; focusable so the keyboard can scroll it.
    <div className={styles.scroll} role="region" aria-label={caption} tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Case</th>
            {showOwner && <th scope="col">Owner</th>}
            <th scope="col">Due</th>
            <th scope="col">State</th>
            {canWrite && <th scope="col">Action</th>}
          </tr>
        </thead>
        <tbody>
          {tasks.map((t) => (
            <tr key={t.id}>
              <th scope="row">{t.title}</th>
              <td>
                <a
                  className={styles.reference}
                  href={`#case-${t.caseReference}`}
                  onClick={(e) => {
                    e.preventDefault();
                    openCase(t.caseId);
                  }}
                >
                  {t.caseReference}
                </a>
                <span className={styles.person}>{t.youngPersonName}</span>
              </td>
              {showOwner && <td>{t.ownerName}</td>}
              <td>{formatDate(t.dueDate)}</td>
              <td>
                <span className={`${styles.taskState} ${styles[t.state]}`}>{TASK_STATE_LABELS[t.state]}</span>
              </td>
              {canWrite && (
                <td>
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    aria-disabled={busyId === t.id || undefined}
                    onClick={() => busyId !== t.id && onDone(t)}
                  >
                    Mark done<span className="visually-hidden">: {t.title}</span>
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A page of one list. Marking the last task of the last page done leaves that page empty:
 * then the new last page is fetched instead.
 */
async function fetchTasks(view: View, scope: 'mine' | 'all', offset: number): Promise<Page<TaskView>> {
  const page = await call('task:listMine', { view, scope, offset, limit: PAGE_SIZE });
  if (page.items.length > 0 || offset === 0 || page.total === 0) return page;
  return call('task:listMine', {
    view,
    scope,
    offset: Math.floor((page.total - 1) / PAGE_SIZE) * PAGE_SIZE,
    limit: PAGE_SIZE,
  });
}

/** One paged list of tasks (overdue, or due within 7 days), mine or everyone's. */
function useTaskList(view: View, scope: 'mine' | 'all') {
  return usePagedCall(`${view}/${scope}`, (offset) => fetchTasks(view, scope, offset));
}

/** Tasks that are overdue or due within 7 days (task:listMine), mine or everyone's, each list paged. */
export function MyTasks() {
  const [everyone, setEveryone] = useState(false);
  const scope = everyone ? 'all' : 'mine';
  const overdue = useTaskList('overdue', scope);
  const dueSoon = useTaskList('due_soon', scope);
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  const [busyId, setBusyId] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function markDone(t: TaskView) {
    setBusyId(t.id);
    try {
      await call('task:complete', { taskId: t.id, expectedVersion: t.version });
      setMessage({ ok: true, text: `Task done: ${t.title} (${t.caseReference}).` });
    } catch (err) {
      const why = errorMessage(err);
      const conflict = err instanceof ApiError && err.code === 'CONFLICT';
      setMessage({ ok: false, text: conflict ? `${why} The lists now show the tasks as they are.` : why });
    } finally {
      setBusyId(null);
      await Promise.all([overdue.load(overdue.page?.offset ?? 0), dueSoon.load(dueSoon.page?.offset ?? 0)]);
    }
  }

  const whose = everyone ? 'Everyone’s tasks' : 'Your tasks';
  const error = overdue.error ?? dueSoon.error;
  const list = (view: View, data: ReturnType<typeof useTaskList>, caption: string, empty: string) =>
    data.page && (
      <>
        {data.page.total === 0 ? (
          <p className="muted">{empty}</p>
        ) : (
          <TaskTable
            tasks={data.page.items}
            caption={caption}
            showOwner={everyone}
            canWrite={canWrite}
            busyId={busyId}
            onDone={(t) => void markDone(t)}
          />
        )}
        <Pager
          label={view === 'overdue' ? 'Pages of overdue tasks' : 'Pages of tasks due within 7 days'}
          offset={data.page.offset}
          limit={data.page.limit}
          total={data.page.total}
          moreThan={data.page.moreThan}
          onOffset={(o) => void data.load(o)}
        />
      </>
    );

  return (
    <section aria-labelledby="cases-view-heading">
      <div className={`${styles.scope} checkbox checkbox--small`}>
        <input id="tasks-everyone" type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} />
        <label htmlFor="tasks-everyone">Show everyone’s tasks, not only mine</label>
      </div>
      <div role="status" className={message ? (message.ok ? 'result result--ok' : 'form-error') : 'visually-hidden'}>
        {message?.text}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!overdue.page && !dueSoon.page && !error && <p role="status">Loading tasks…</p>}
      {overdue.page && <h3>Overdue ({totalWords(overdue.page.total, overdue.page.moreThan)})</h3>}
      {list('overdue', overdue, `${whose}: overdue`, `${whose}: nothing overdue.`)}
      {dueSoon.page && (
        <h3 className={styles.subheading}>
          Due within 7 days ({totalWords(dueSoon.page.total, dueSoon.page.moreThan)})
        </h3>
      )}
      {list('due_soon', dueSoon, `${whose}: due within 7 days`, `${whose}: nothing due in the next 7 days.`)}
    </section>
  );
}

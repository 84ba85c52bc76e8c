import { useEffect, useState } from 'react';
import type { Page } from '../../../preload/contract';
import type { TaskView } from '../../../preload/contract/casework';
import { call, errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { openCase } from '../../stores/cases';
import { TASK_STATE_LABELS } from './case-page/labels';

interface Lists {
  overdue: Page<TaskView>;
  dueSoon: Page<TaskView>;
}

/** A table of tasks; the case reference opens the case. */
function TaskTable({ tasks, caption, showOwner }: { tasks: TaskView[]; caption: string; showOwner: boolean }) {
  return (
    <table className="table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Task</th>
          <th scope="col">Case</th>
          {showOwner && <th scope="col">Owner</th>}
          <th scope="col">Due</th>
          <th scope="col">State</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((t) => (
          <tr key={t.id}>
            <th scope="row">{t.title}</th>
            <td>
              <a
                href={`#case-${t.caseReference}`}
                onClick={(e) => {
                  e.preventDefault();
                  openCase(t.caseId);
                }}
              >
                {t.caseReference}
              </a>
            </td>
            {showOwner && <td>{t.ownerName}</td>}
            <td>{formatDate(t.dueDate)}</td>
            <td>
              <span className={`task-state task-state--${t.state}`}>{TASK_STATE_LABELS[t.state]}</span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function more(page: Page<TaskView>): string | null {
  const hidden = page.total - page.items.length;
  return hidden > 0 ? `${hidden} more not shown. Open a case to see all its tasks.` : null;
}

/** Tasks that are overdue or due within 7 days (task:listMine), mine or everyone's. */
export function MyTasks() {
  const [everyone, setEveryone] = useState(false);
  const [lists, setLists] = useState<Lists | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    const scope = everyone ? 'all' : 'mine';
    Promise.all([
      call('task:listMine', { view: 'overdue', scope, limit: 50 }),
      call('task:listMine', { view: 'due_soon', scope, limit: 50 }),
    ])
      .then(([overdue, dueSoon]) => {
        if (!current) return;
        setLists({ overdue, dueSoon });
        setError(null);
      })
      .catch((err: unknown) => {
        if (current) setError(errorMessage(err));
      });
    return () => {
      current = false;
    };
  }, [everyone]);

  const whose = everyone ? 'Everyone’s tasks' : 'Your tasks';
  return (
    <section aria-labelledby="cases-view-heading">
      <div className="checkbox checkbox--small tasks__scope">
        <input id="tasks-everyone" type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} />
        <label htmlFor="tasks-everyone">Show everyone’s tasks, not only mine</label>
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!lists && !error && <p role="status">Loading tasks…</p>}
      {lists && (
        <>
          <h3>Overdue ({lists.overdue.total})</h3>
          {lists.overdue.total === 0 ? (
            <p className="muted-text">{whose}: nothing overdue.</p>
          ) : (
            <TaskTable tasks={lists.overdue.items} caption={`${whose}: overdue`} showOwner={everyone} />
          )}
          {more(lists.overdue) && <p>{more(lists.overdue)}</p>}
          <h3 className="tasks__subheading">Due within 7 days ({lists.dueSoon.total})</h3>
          {lists.dueSoon.total === 0 ? (
            <p className="muted-text">{whose}: nothing due in the next 7 days.</p>
          ) : (
            <TaskTable tasks={lists.dueSoon.items} caption={`${whose}: due within 7 days`} showOwner={everyone} />
          )}
          {more(lists.dueSoon) && <p>{more(lists.dueSoon)}</p>}
        </>
      )}
    </section>
  );
}

import { useRef, useState, type FormEvent } from 'react';
import { FormError } from '../../../components/FormError';
import { DateField, SelectField, TextField } from '../../../components/fields';
import { errorMessage } from '../../../lib/api';
import { formatDate, formatDateTime } from '../../../lib/dates';
import { useFocusFirstInvalid } from '../../../lib/useFocusFirstInvalid';
import { useCasePageStore } from '../../../stores/case-page';
import { useSessionStore } from '../../../stores/session';
import { TASK_STATE_LABELS } from './labels';
import { completeTask, createTask } from './case-actions';
import { checkUkDate, parseUkDate } from './uk-date';
import { workerChoices } from './workers';
import { useFocusLater } from './useFocusLater';
import styles from './TasksTab.module.css';

function AddTaskForm({ onAdded }: { onAdded: (text: string) => void }) {
  const detail = useCasePageStore((s) => s.detail);
  const users = useCasePageStore((s) => s.users);
  const me = useSessionStore((s) => s.user);
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState(me?.id ?? '');
  const [due, setDue] = useState('');
  const [errors, setErrors] = useState<{ title: string | null; due: string | null }>({ title: null, due: null });
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  if (!detail) return null;
  const owners = workerChoices(detail, me, users);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found = { title: title.trim() ? null : 'Give the task a title.', due: checkUkDate(due, 'due date', false) };
    setErrors(found);
    setFormError(null);
    if (found.title || found.due) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      await createTask(title.trim(), owner, due.trim() ? parseUkDate(due) : null);
      setTitle('');
      setDue('');
      onAdded(`Task added: ${title.trim()}.`);
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-labelledby="add-task-heading">
      <h4 id="add-task-heading">Add a task</h4>
      <FormError id="add-task-error">{formError}</FormError>
      <TextField
        id="task-title"
        label="Task"
        hint="e.g. Send the school report request."
        value={title}
        onValueChange={setTitle}
        error={errors.title}
        autoComplete="off"
      />
      <div className="form-columns">
        <SelectField
          id="task-owner"
          label="Owner"
          value={owner}
          onValueChange={setOwner}
          options={owners.map((w) => ({ value: w.id, label: w.displayName }))}
        />
        <DateField
          id="task-due"
          label="Due date (optional)"
          hint="dd/mm/yyyy"
          value={due}
          onValueChange={setDue}
          error={errors.due}
          inputMode="numeric"
        />
      </div>
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? 'Adding…' : 'Add task'}
      </button>
    </form>
  );
}

/** The case's tasks: open ones first with overdue and due-soon marked, then those done. */
export function TasksTab() {
  const tasks = useCasePageStore((s) => s.tasks);
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  function announce(text: string) {
    setMessage(text);
    focusLater(() => messageRef.current);
  }

  async function complete(id: string, version: number, title: string) {
    try {
      await completeTask(id, version);
      announce(`Task done: ${title}.`);
    } catch (err) {
      announce(errorMessage(err));
    }
  }

  const open = tasks?.filter((t) => t.state !== 'done') ?? [];
  const done = tasks?.filter((t) => t.state === 'done') ?? [];
  return (
    <div className="tab-body">
      <h3>Tasks</h3>
      <div role="status" ref={messageRef} tabIndex={-1} className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      {!tasks && <p>Loading tasks…</p>}
      {tasks && (
        <table className="table">
          <caption className="visually-hidden">Tasks for this case</caption>
          <thead>
            <tr>
              <th scope="col">Task</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">State</th>
              {canWrite && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {open.length + done.length === 0 && (
              <tr>
                <td colSpan={canWrite ? 5 : 4} className="muted">
                  No tasks yet.
                </td>
              </tr>
            )}
            {[...open, ...done].map((t) => (
              <tr key={t.id} className={t.state === 'done' ? styles.done : undefined}>
                <th scope="row">{t.title}</th>
                <td>{t.ownerName}</td>
                <td>{t.dueDate ? formatDate(t.dueDate) : <span className="muted">No date</span>}</td>
                <td>
                  <span className={`${styles.state} ${styles[t.state] ?? ''}`}>{TASK_STATE_LABELS[t.state]}</span>
                  {t.doneAt && <span className="muted"> {formatDateTime(t.doneAt)}</span>}
                </td>
                {canWrite && (
                  <td>
                    {t.state !== 'done' && (
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => void complete(t.id, t.version, t.title)}
                      >
                        Mark done<span className="visually-hidden">: {t.title}</span>
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canWrite && <AddTaskForm onAdded={announce} />}
    </div>
  );
}

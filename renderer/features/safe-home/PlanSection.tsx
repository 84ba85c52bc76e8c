/**
 * The session plan: each planned session with its date and themes, and (while the run is open)
 * changing them. A session whose register is taken keeps it; the core refuses to drop one.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { SAFE_HOME_AIM_LABELS, type RunView } from '../../../preload/contract/safe-home';
import { FormError } from '../../components/FormError';
import { CheckboxGroup, DateField } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { detailsDraftOf, planDateId, planRowsOf, runInputOf, type PlanErrors, type PlanRow } from './run-plan';
import { updateRun } from './safe-home-actions';
import { useSafeHomeStore } from './safe-home-store';
import styles from './SafeHome.module.css';

function PlanForm({ run, onDone }: { run: RunView; onDone: (saved: string | null) => void }) {
  const themes = useSafeHomeStore((s) => s.themes) ?? [];
  const [rows, setRows] = useState<PlanRow[]>(() => planRowsOf(run));
  const [errors, setErrors] = useState<PlanErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set = (i: number, patch: Partial<PlanRow>) =>
    setRows((old) => old.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const offered = (row: PlanRow) => {
    const found = new Map<string, string>();
    for (const t of themes)
      if (t.active || row.themeIds.includes(t.id)) found.set(t.id, `${t.label} (${SAFE_HOME_AIM_LABELS[t.aim]})`);
    return [...found].map(([value, label]) => ({ value, label }));
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const made = runInputOf(detailsDraftOf(run, null), rows);
    setErrors(made.errors ?? {});
    setFormError(null);
    if (!made.input) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      await updateRun(run, made.input);
      onDone('The session plan was saved.');
    } catch (err) {
      setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-labelledby="plan-form-heading">
      <h4 id="plan-form-heading" ref={heading} tabIndex={-1}>
        Change the session plan
      </h4>
      {rows.map((r, i) => (
        <fieldset key={r.id ?? `new-${i}`} className="form-section">
          <legend className="form-section__legend">Session {i + 1}</legend>
          <DateField
            id={planDateId(i)}
            label={`Date of session ${i + 1}`}
            value={r.sessionDate}
            onValueChange={(sessionDate) => set(i, { sessionDate })}
            error={errors[planDateId(i)]}
          />
          <CheckboxGroup
            id={`plan-themes-${i}`}
            legend={`Themes of session ${i + 1}`}
            choices={offered(r)}
            value={r.themeIds}
            onChange={(themeIds) => set(i, { themeIds })}
          />
        </fieldset>
      ))}
      <FormError id="plan-form-error">{formError}</FormError>
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : 'Save the plan'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function PlanSection({
  run,
  canWrite,
  onMessage,
}: {
  run: RunView;
  canWrite: boolean;
  onMessage: (m: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();
  const planned = run.sessions.filter((s) => s.kind === 'planned');
  return (
    <section aria-labelledby="plan-heading" className="section">
      <h3 id="plan-heading">Session plan</h3>
      <div className={styles.tableWrap} role="region" aria-label="Session plan table" tabIndex={0}>
        <table className="table" data-testid="session-plan">
          <caption className="visually-hidden">The planned sessions with their dates and themes</caption>
          <thead>
            <tr>
              <th scope="col">Session</th>
              <th scope="col">Date</th>
              <th scope="col">Themes</th>
              <th scope="col">Register</th>
            </tr>
          </thead>
          <tbody>
            {planned.map((s) => (
              <tr key={s.id}>
                <td>{s.seq}</td>
                <td>{formatDate(s.sessionDate)}</td>
                <td>{s.themes.length === 0 ? 'No themes chosen yet' : s.themes.map((t) => t.label).join('; ')}</td>
                <td>{s.registerTakenAt ? 'Taken' : 'Not yet taken'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canWrite && !editing && (
        <button
          ref={button}
          type="button"
          className={`button button--secondary ${styles.after}`}
          onClick={() => setEditing(true)}
        >
          Change the session plan
        </button>
      )}
      {editing && (
        <PlanForm
          run={run}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onMessage(saved);
            else focusLater(() => button.current);
          }}
        />
      )}
    </section>
  );
}

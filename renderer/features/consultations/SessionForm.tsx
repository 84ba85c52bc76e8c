/**
 * Record (or plan) a session of an agreement, or edit one given as `session`: who attended
 * (names and roles as typed), the cases discussed (a case of the service by its reference, or an
 * anonymous reference), themes, reflective notes and advice given.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { SessionView } from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/TextField';
import { call, errorMessage } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { TextAreaField } from '../cases/case-page/fields';
import { formatDate } from '../../lib/dates';
import { checkUkDate, isoToUk, parseUkDate } from '../cases/case-page/uk-date';
import { RadioGroup } from './ChoiceFields';
import { addSession, updateSession } from './consultations-actions';
import styles from './Consultations.module.css';

interface DiscussedRow {
  key: number;
  kind: 'case' | 'anonymous';
  ref: string;
  discussion: string;
}

/** The case with exactly this reference, or null (the caseload search also matches prefixes). */
async function caseIdFor(reference: string): Promise<string | null> {
  const page = await call('caseload:list', { search: reference, limit: 5, sort: 'reference', direction: 'asc' });
  return page.items.find((c) => c.reference.toLowerCase() === reference.toLowerCase())?.id ?? null;
}

/** The rows of a session being edited: a linked case by its reference, as the form takes it. */
function rowsOf(session: SessionView | undefined): DiscussedRow[] {
  return (session?.discussedCases ?? []).map((d, i) => ({
    key: i + 1,
    kind: d.caseId ? 'case' : 'anonymous',
    ref: d.label,
    discussion: d.discussion,
  }));
}

export function SessionForm({
  agreementId,
  session,
  onDone,
}: {
  agreementId: string;
  /** The session to edit; a new one is recorded without it. */
  session?: SessionView;
  onDone: (message: string | null) => void;
}) {
  const [date, setDate] = useState(session ? isoToUk(session.sessionDate) : '');
  const [attendees, setAttendees] = useState(session?.attendees ?? '');
  const [themes, setThemes] = useState(session?.themes ?? '');
  const [notes, setNotes] = useState(session?.reflectiveNotes ?? '');
  const [advice, setAdvice] = useState(session?.advice ?? '');
  const [rows, setRows] = useState<DiscussedRow[]>(() => rowsOf(session));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const change = (key: number, patch: Partial<DiscussedRow>) =>
    setRows((old) => old.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    const found: Record<string, string> = {};
    const dateError = checkUkDate(date, 'date of the session', true);
    if (dateError) found.date = dateError;
    setBusy(true);
    setFormError(null);
    try {
      const discussedCases = [];
      for (const r of rows) {
        if (!r.ref.trim()) {
          found[`ref-${r.key}`] = r.kind === 'case' ? 'Enter the case reference.' : 'Enter an anonymous reference.';
          continue;
        }
        if (r.kind === 'anonymous') {
          discussedCases.push({ caseId: null, anonymousRef: r.ref.trim(), discussion: r.discussion });
          continue;
        }
        const caseId = await caseIdFor(r.ref.trim());
        if (!caseId)
          found[`ref-${r.key}`] = `There is no case ${r.ref.trim()}. Check the reference, or use an anonymous one.`;
        else discussedCases.push({ caseId, anonymousRef: null, discussion: r.discussion });
      }
      setErrors(found);
      if (Object.keys(found).length > 0) {
        markFailed();
        setBusy(false);
        return;
      }
      const input = {
        sessionDate: parseUkDate(date) ?? '',
        attendees,
        themes,
        reflectiveNotes: notes,
        advice,
        discussedCases,
      };
      if (session) {
        await updateSession(session, input);
        onDone(`Session of ${formatDate(input.sessionDate)} saved.`);
      } else {
        await addSession(agreementId, input);
        onDone('Session recorded.');
      }
    } catch (err) {
      setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-labelledby="session-form-heading">
      <h4 id="session-form-heading">
        {session ? `Edit the session of ${formatDate(session.sessionDate)}` : 'Record a session'}
      </h4>
      <FormError id="session-form-error">{formError}</FormError>
      <TextField
        id="session-date"
        inputRef={first}
        label="Date of the session"
        hint="dd/mm/yyyy. A future date plans the next session."
        value={date}
        onValueChange={setDate}
        error={errors.date}
        inputMode="numeric"
        autoComplete="off"
        inputClassName="field__input--date"
      />
      <TextAreaField
        id="session-attendees"
        label="Who attended"
        hint="Names and roles."
        value={attendees}
        onValueChange={setAttendees}
        rows={2}
      />
      <fieldset className="fieldset">
        <legend className="field__label">Cases discussed</legend>
        {rows.length === 0 && <p className="field__hint">None added.</p>}
        {rows.map((r, i) => (
          <div key={r.key} className={styles.discussedRow} role="group" aria-label={`Case discussed ${i + 1}`}>
            <RadioGroup
              id={`discussed-${r.key}-kind`}
              legend={`Case discussed ${i + 1}`}
              value={r.kind}
              onChange={(kind) => change(r.key, { kind })}
              options={[
                { value: 'case', label: 'A case of the service' },
                { value: 'anonymous', label: 'An anonymous reference' },
              ]}
              inline
            />
            <TextField
              id={`discussed-${r.key}-ref`}
              label={r.kind === 'case' ? 'Case reference' : 'Anonymous reference'}
              hint={r.kind === 'case' ? 'For example NC-2025-0012.' : 'For example “Child K, Year 9”: no names.'}
              value={r.ref}
              onValueChange={(ref) => change(r.key, { ref })}
              error={errors[`ref-${r.key}`]}
              autoComplete="off"
            />
            <TextAreaField
              id={`discussed-${r.key}-discussion`}
              label="What was discussed"
              value={r.discussion}
              onValueChange={(discussion) => change(r.key, { discussion })}
              rows={2}
            />
            <button
              type="button"
              className="link-button link-button--danger"
              onClick={() => setRows((old) => old.filter((x) => x.key !== r.key))}
            >
              Remove case discussed {i + 1}
            </button>
          </div>
        ))}
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => setRows((old) => [...old, { key: Date.now(), kind: 'case', ref: '', discussion: '' }])}
        >
          Add a case discussed
        </button>
      </fieldset>
      <TextAreaField id="session-themes" label="Themes" value={themes} onValueChange={setThemes} rows={2} />
      <TextAreaField id="session-notes" label="Reflective notes" value={notes} onValueChange={setNotes} rows={4} />
      <TextAreaField id="session-advice" label="Advice given" value={advice} onValueChange={setAdvice} rows={3} />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : session ? 'Save session' : 'Record session'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * Book a catch-up: a shorter meeting with carers who missed a planned session, covering its
 * themes again. It counts towards the themes a carer covered, never towards sessions attended.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { RunView } from '../../../preload/contract/safe-home';
import { FormError } from '../../components/FormError';
import { DateField, FieldGroup, SelectField } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { checkUkDate, parseUkDate } from '../cases/case-page/uk-date';
import { addCatchUp } from './safe-home-actions';

export function CatchUpForm({ run, onDone }: { run: RunView; onDone: (saved: string | null) => void }) {
  // A catch-up repeats a session that has been held (its register taken).
  const held = run.sessions.filter((s) => s.kind === 'planned' && s.registerTakenAt);
  const [sessionId, setSessionId] = useState(held.at(-1)?.id ?? '');
  const [date, setDate] = useState('');
  const [carers, setCarers] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string | null>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const active = run.enrolments.filter((e) => !e.withdrawal);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    if (!sessionId) {
      setFormError('No session has been held yet, so there is none to catch up on.');
      return;
    }
    const found = {
      'catch-up-date': checkUkDate(date, 'date of the catch-up', true),
      'catch-up-carers': carers.length === 0 ? 'Choose the carers the catch-up is for.' : null,
    };
    setErrors(found);
    setFormError(null);
    if (found['catch-up-date'] || found['catch-up-carers']) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      await addCatchUp(run.id, { forSessionId: sessionId, sessionDate: parseUkDate(date) ?? '', enrolmentIds: carers });
      onDone('The catch-up was booked. Take its register from the grid once it has been held.');
    } catch (err) {
      setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-labelledby="catch-up-heading">
      <h4 id="catch-up-heading" ref={heading} tabIndex={-1}>
        Book a catch-up session
      </h4>
      {held.length === 0 && <p className="notice">No session has been held yet, so there is none to catch up on.</p>}
      <SelectField
        id="catch-up-session"
        label="The session it catches up on"
        value={sessionId}
        onValueChange={setSessionId}
        options={held.map((s) => ({
          value: s.id,
          label: `Session ${s.seq}, ${formatDate(s.sessionDate)}${s.themes.length ? `: ${s.themes.map((t) => t.label).join('; ')}` : ''}`,
        }))}
      />
      <DateField
        id="catch-up-date"
        label="Date of the catch-up"
        hint="dd/mm/yyyy, on or after the session it catches up on."
        value={date}
        onValueChange={setDate}
        error={errors['catch-up-date']}
      />
      <FieldGroup id="catch-up-carers" legend="Carers it is for" error={errors['catch-up-carers']}>
        {active.map((c) => (
          <div className="checkbox checkbox--compact" key={c.id}>
            <input
              id={`catch-up-carers-${c.id}`}
              type="checkbox"
              checked={carers.includes(c.id)}
              aria-invalid={errors['catch-up-carers'] ? true : undefined}
              onChange={(ev) =>
                setCarers((old) => (ev.target.checked ? [...old, c.id] : old.filter((v) => v !== c.id)))
              }
            />
            <label htmlFor={`catch-up-carers-${c.id}`}>
              {c.carerName} ({c.caseReference})
            </label>
          </div>
        ))}
      </FieldGroup>
      <FormError id="catch-up-error">{formError}</FormError>
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Booking…' : 'Book the catch-up'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** Add an ongoing (batch) consultation agreement with a team or organisation. */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/TextField';
import { errorMessage } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { checkUkDate, parseUkDate } from '../cases/case-page/uk-date';
import { createAgreement } from './consultations-actions';

const EMPTY = { organisation: '', team: '', frequency: '', startDate: '', endDate: '', contact: '' };
type Fields = typeof EMPTY;

export function AgreementForm({ onDone }: { onDone: (message: string | null) => void }) {
  const [f, setF] = useState<Fields>(EMPTY);
  const [errors, setErrors] = useState<Partial<Fields>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const set = (k: keyof Fields) => (v: string) => setF((old) => ({ ...old, [k]: v }));

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    const found: Partial<Fields> = {};
    if (!f.organisation.trim()) found.organisation = 'Enter the organisation.';
    if (!f.frequency.trim()) found.frequency = 'Say how often the sessions take place.';
    const start = checkUkDate(f.startDate, 'start date', true);
    if (start) found.startDate = start;
    const end = checkUkDate(f.endDate, 'end date', false);
    if (end) found.endDate = end;
    const startIso = parseUkDate(f.startDate);
    const endIso = f.endDate.trim() ? parseUkDate(f.endDate) : null;
    if (!end && startIso && endIso && endIso < startIso)
      found.endDate = 'The end date must be on or after the start date.';
    setErrors(found);
    setFormError(null);
    if (Object.keys(found).length > 0) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      await createAgreement({
        organisation: f.organisation,
        team: f.team.trim() || null,
        frequency: f.frequency,
        startDate: startIso ?? '',
        endDate: endIso,
        contact: f.contact.trim() || null,
      });
      onDone(`Agreement with ${f.organisation.trim()} added.`);
    } catch (err) {
      setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  const field = (k: keyof Fields, label: string, hint?: string, date = false) => (
    <TextField
      id={`agreement-${k}`}
      label={label}
      hint={hint}
      value={f[k]}
      onValueChange={set(k)}
      error={errors[k]}
      autoComplete="off"
      {...(k === 'organisation' ? { inputRef: first } : {})}
      {...(date ? { inputMode: 'numeric' as const, inputClassName: 'field__input--date' } : {})}
    />
  );

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-labelledby="agreement-form-heading">
      <h3 id="agreement-form-heading">Add an agreement</h3>
      <FormError id="agreement-form-error">{formError}</FormError>
      {field('organisation', 'Organisation')}
      {field('team', 'Team (optional)')}
      {field('frequency', 'How often', 'For example monthly, or every six weeks.')}
      <div className="form-columns">
        {field('startDate', 'Start date', 'dd/mm/yyyy', true)}
        {field('endDate', 'End date (optional)', 'dd/mm/yyyy', true)}
      </div>
      {field('contact', 'Contact (optional)', 'Who arranges the sessions, and how to reach them.')}
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Adding…' : 'Add agreement'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

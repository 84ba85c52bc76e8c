/**
 * Raise a safeguarding concern from a held session: what it is, what was done, who was informed
 * (from the case's professional network) and when, and the follow-up task. The core saves the
 * concern with a case flag and the task in one transaction, so the form says both were raised.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { InterventionSessionView } from '../../../preload/contract/interventions';
import { FormError } from '../../components/FormError';
import { DateField, FieldGroup, SelectField, TextAreaField, TextField } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useCasePageStore } from '../../stores/case-page';
import { useSessionStore } from '../../stores/session';
import { nowTime, todayUk } from '../cases/case-page/uk-date';
import { checkConcern, newConcernDraft, type ConcernDraft, type ConcernErrors } from './concern-draft';
import { raiseConcern } from './interventions-actions';
import { networkOf, personWords } from './NetworkCareFields';
import styles from './Interventions.module.css';

export function ConcernForm(props: { session: InterventionSessionView; onDone: (message: string | null) => void }) {
  const { session, onDone } = props;
  const me = useSessionStore((s) => s.user);
  const users = useCasePageStore((s) => s.users) ?? [];
  const network = networkOf(useCasePageStore((s) => s.detail?.people) ?? []);
  const [d, setD] = useState<ConcernDraft>(() =>
    newConcernDraft(
      session.sessionDate,
      todayUk(),
      nowTime(),
      users.some((u) => u.id === me?.id) ? (me?.id ?? '') : '',
    ),
  );
  const [errors, setErrors] = useState<ConcernErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set =
    <K extends keyof ConcernDraft>(key: K) =>
    (value: ConcernDraft[K]) =>
      setD((old) => ({ ...old, [key]: value }));
  const prefix = `concern-${session.id}`;

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    const { errors: found, input } = checkConcern(d, Date.now());
    setErrors(found);
    setFormError(null);
    if (!input) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      await raiseConcern(session, input);
      onDone(
        `The safeguarding concern was saved. A flag was raised on the case and the task “${input.followUp.title}” was created.`,
      );
    } catch (err) {
      setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  const informedError = errors.informedPersonIds;
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      className={`case-form ${styles.concernForm}`}
      aria-labelledby={`${prefix}-heading`}
      data-testid="concern-form"
    >
      <h6 id={`${prefix}-heading`} ref={heading} tabIndex={-1} className={styles.formHeading}>
        Raise a safeguarding concern from the session of {formatDate(session.sessionDate)}
      </h6>
      <p>Saving it raises a flag on the case and creates the follow-up task, together.</p>
      <FormError id={`${prefix}-error`}>{formError}</FormError>
      <TextAreaField
        id={`${prefix}-description`}
        label="The concern"
        value={d.description}
        onValueChange={set('description')}
        error={errors.description}
        rows={4}
      />
      <TextAreaField
        id={`${prefix}-action`}
        label="Action taken"
        value={d.actionTaken}
        onValueChange={set('actionTaken')}
        error={errors.actionTaken}
        rows={3}
      />
      <FieldGroup
        id={`${prefix}-informed`}
        legend="Who was informed"
        hint={
          network.length === 0
            ? 'No professionals are on the People tab yet. Add them there first, then raise the concern.'
            : 'Professionals on the People tab.'
        }
        error={informedError}
      >
        {network.map((p) => (
          <div className="checkbox checkbox--compact" key={p.id}>
            <input
              id={`${prefix}-informed-${p.id}`}
              type="checkbox"
              checked={d.informedPersonIds.includes(p.id)}
              aria-invalid={informedError ? true : undefined}
              onChange={(e) =>
                set('informedPersonIds')(
                  e.target.checked ? [...d.informedPersonIds, p.id] : d.informedPersonIds.filter((x) => x !== p.id),
                )
              }
            />
            <label htmlFor={`${prefix}-informed-${p.id}`}>{personWords(p)}</label>
          </div>
        ))}
      </FieldGroup>
      <div className={styles.fieldRow}>
        <DateField
          id={`${prefix}-informed-date`}
          label="Date they were informed"
          value={d.informedDate}
          onValueChange={set('informedDate')}
          error={errors.informedDate}
          inputMode="numeric"
          inputClassName="field__input--date"
        />
        <TextField
          id={`${prefix}-informed-time`}
          label="Time they were informed"
          hint="HH:MM, 24-hour"
          value={d.informedTime}
          onValueChange={set('informedTime')}
          error={errors.informedTime}
          autoComplete="off"
          inputClassName={styles.narrowInput}
        />
      </div>
      <FieldGroup id={`${prefix}-task`} legend="Follow-up task" look="section">
        <TextField
          id={`${prefix}-task-title`}
          label="Task"
          value={d.taskTitle}
          onValueChange={set('taskTitle')}
          error={errors.taskTitle}
          autoComplete="off"
        />
        <div className={styles.fieldRow}>
          <SelectField
            id={`${prefix}-task-owner`}
            label="Who follows it up"
            value={d.taskOwnerId}
            onValueChange={set('taskOwnerId')}
            options={[
              { value: '', label: 'Choose a colleague' },
              ...users.map((u) => ({ value: u.id, label: u.displayName })),
            ]}
            error={errors.taskOwnerId}
          />
          <DateField
            id={`${prefix}-task-due`}
            label="Due date (optional)"
            value={d.taskDueDate}
            onValueChange={set('taskDueDate')}
            error={errors.taskDueDate}
            inputMode="numeric"
            inputClassName="field__input--date"
          />
        </div>
      </FieldGroup>
      <div className="button-row">
        <button type="submit" className="button button--warning" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : 'Save the concern, raise the flag and the task'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

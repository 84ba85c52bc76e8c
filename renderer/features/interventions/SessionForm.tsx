/**
 * Record a session, book one (attendance "planned"), or edit a note until it is signed: every
 * field of the contract's session. It opens filled from a session's content (an empty note,
 * "start from the last session", or the saved note), checked here by the field and again by
 * the core. GBO ratings are asked for only when the session was attended.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  ATTENDANCES,
  ATTENDANCE_LABELS,
  SESSION_TYPE_LABELS,
  VENUE_LABELS,
  attendanceNeedsReason,
  type Attendance,
  type InterventionSessionContent,
  type InterventionSessionView,
  type PlanView,
} from '../../../preload/contract/interventions';
import { FormError } from '../../components/FormError';
import { DateField, FieldGroup, SelectField, TextAreaField, TextField, optionsOf } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { todayIso } from '../cases/case-page/uk-date';
import { RadioGroup } from '../consultations/ChoiceFields';
import { recordSession, updateSession } from './interventions-actions';
import {
  checkSession,
  ratingField,
  sessionDraftOf,
  takesGoals,
  takesRatings,
  type SessionDraft,
  type SessionErrors,
} from './session-draft';
import { goalName } from './session-words';
import styles from './Interventions.module.css';

/** What the form is doing, and where its first values come from. */
export type SessionFormMode =
  | { kind: 'new'; start: InterventionSessionContent; fromLast: boolean }
  | { kind: 'edit'; session: InterventionSessionView };

function title(mode: SessionFormMode): string {
  if (mode.kind === 'edit') return `Edit the session of ${formatDate(mode.session.sessionDate)}`;
  return mode.start.attendance === 'planned' ? 'Book a session' : 'Record a session';
}

export function SessionForm(props: {
  plan: PlanView;
  mode: SessionFormMode;
  onDone: (message: string | null) => void;
  /** Its heading's level: one below the session log's. */
  level: 5 | 6;
}) {
  const { plan, mode, onDone, level } = props;
  const Heading = level === 5 ? 'h5' : 'h6';
  const [d, setD] = useState<SessionDraft>(() => sessionDraftOf(mode.kind === 'edit' ? mode.session : mode.start));
  const [errors, setErrors] = useState<SessionErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set =
    <K extends keyof SessionDraft>(key: K) =>
    (value: SessionDraft[K]) =>
      setD((old) => ({ ...old, [key]: value }));
  const prefix = mode.kind === 'edit' ? `session-${mode.session.id}` : 'session-new';

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    const { errors: found, input } = checkSession(d, todayIso());
    setErrors(found);
    setFormError(null);
    if (!input) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      if (mode.kind === 'edit') await updateSession(mode.session, input);
      else await recordSession(plan, input);
      const when = formatDate(input.sessionDate);
      onDone(
        mode.kind === 'edit'
          ? `The session of ${when} was saved.`
          : input.attendance === 'planned'
            ? `A session was booked for ${when}.`
            : `The session of ${when} was recorded. Sign it when the note is complete.`,
      );
    } catch (err) {
      setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      className={`case-form ${styles.sessionForm}`}
      aria-labelledby={`${prefix}-heading`}
      data-testid="session-form"
    >
      <Heading id={`${prefix}-heading`} ref={heading} tabIndex={-1} className={styles.formHeading}>
        {title(mode)}
      </Heading>
      {mode.kind === 'new' && mode.fromLast && (
        <p className="notice">
          Filled from the last session: its type, venue, time, length, attendees and goals, with its next steps as the
          starting content. Check each before saving.
        </p>
      )}
      <FormError id={`${prefix}-error`}>{formError}</FormError>
      <div className={styles.fieldRow}>
        <DateField
          id={`${prefix}-date`}
          label="Date"
          value={d.sessionDate}
          onValueChange={set('sessionDate')}
          error={errors.sessionDate}
          inputMode="numeric"
          inputClassName="field__input--date"
        />
        <TextField
          id={`${prefix}-time`}
          label="Start time"
          hint="HH:MM, 24-hour"
          value={d.startTime}
          onValueChange={set('startTime')}
          error={errors.startTime}
          autoComplete="off"
          inputClassName={styles.narrowInput}
        />
        <TextField
          id={`${prefix}-duration`}
          label="Length in minutes"
          value={d.duration}
          onValueChange={set('duration')}
          error={errors.duration}
          inputMode="numeric"
          autoComplete="off"
          inputClassName={styles.narrowInput}
        />
      </div>
      <div className={styles.fieldRow}>
        <SelectField
          id={`${prefix}-type`}
          label="Type of session"
          value={d.sessionType}
          onValueChange={set('sessionType')}
          options={optionsOf(SESSION_TYPE_LABELS)}
          error={errors.sessionType}
        />
        <SelectField
          id={`${prefix}-venue`}
          label="Venue"
          value={d.venue}
          onValueChange={set('venue')}
          options={optionsOf(VENUE_LABELS)}
          error={errors.venue}
        />
      </div>
      <RadioGroup<Attendance>
        id={`${prefix}-attendance`}
        legend="Attendance"
        value={d.attendance}
        onChange={set('attendance')}
        options={ATTENDANCES.map((value) => ({
          value,
          label: value === 'planned' ? 'Planned (not held yet)' : ATTENDANCE_LABELS[value],
        }))}
        error={errors.attendance}
        inline
      />
      {attendanceNeedsReason(d.attendance) && (
        <TextAreaField
          id={`${prefix}-reason`}
          label={d.attendance === 'did_not_attend' ? 'Why was it not attended?' : 'Why was it cancelled?'}
          hint={d.attendance === 'did_not_attend' ? '“Not known” is an answer.' : undefined}
          value={d.attendanceReason}
          onValueChange={set('attendanceReason')}
          error={errors.attendanceReason}
          rows={2}
        />
      )}
      <TextAreaField
        id={`${prefix}-attendees`}
        label="Who attended (optional)"
        hint="Names and roles, as they should appear in the note."
        value={d.attendees}
        onValueChange={set('attendees')}
        error={errors.attendees}
        rows={2}
      />
      {takesGoals(d.attendance) && (
        <FieldGroup
          id={`${prefix}-goals`}
          legend={d.attendance === 'planned' ? 'Goals to work on' : 'Goals worked on'}
          error={errors.goalIds}
        >
          {plan.goals.map((g) => (
            <div className="checkbox checkbox--compact" key={g.id}>
              <input
                id={`${prefix}-goal-${g.id}`}
                type="checkbox"
                checked={d.goalIds.includes(g.id)}
                onChange={(e) =>
                  set('goalIds')(e.target.checked ? [...d.goalIds, g.id] : d.goalIds.filter((x) => x !== g.id))
                }
              />
              <label htmlFor={`${prefix}-goal-${g.id}`}>
                {goalName(g)}: {g.description}
              </label>
            </div>
          ))}
        </FieldGroup>
      )}
      {takesRatings(d.attendance) && (
        <FieldGroup
          id={`${prefix}-ratings`}
          legend="Goal ratings taken in this session"
          hint="0 to 10, as the young person rates each goal. Leave blank a goal not rated this time."
          error={errors.ratings}
        >
          <div className={styles.fieldRow}>
            {plan.goals.map((g) => (
              <TextField
                key={g.id}
                id={`${prefix}-rating-${g.id}`}
                label={`${goalName(g)} rating`}
                value={d.ratings[g.id] ?? ''}
                onValueChange={(v) => set('ratings')({ ...d.ratings, [g.id]: v })}
                error={errors[ratingField(g.id)]}
                inputMode="numeric"
                autoComplete="off"
                inputClassName={styles.narrowInput}
              />
            ))}
          </div>
        </FieldGroup>
      )}
      <TextAreaField
        id={`${prefix}-content`}
        label="Content of the session"
        value={d.content}
        onValueChange={set('content')}
        error={errors.content}
        rows={5}
      />
      <TextAreaField
        id={`${prefix}-observations`}
        label="Observations"
        value={d.observations}
        onValueChange={set('observations')}
        error={errors.observations}
        rows={3}
      />
      <TextAreaField
        id={`${prefix}-next`}
        label="Next steps"
        hint="“Start from the last session” carries these into the next note."
        value={d.nextSteps}
        onValueChange={set('nextSteps')}
        error={errors.nextSteps}
        rows={2}
      />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy
            ? 'Saving…'
            : mode.kind === 'edit'
              ? 'Save the session'
              : d.attendance === 'planned'
                ? 'Book the session'
                : 'Record the session'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

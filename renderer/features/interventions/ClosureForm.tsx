/**
 * Close the active plan: the date, the reason, the closing summary and the recommendations to
 * the network (the closing report prints them). Once closed the plan is read-only; the core
 * refuses a closure while a session is still booked after the closing date, and says so here.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  CLOSURE_REASONS,
  CLOSURE_REASON_LABELS,
  closureSchema,
  type ClosureReason,
  type PlanView,
} from '../../../preload/contract/interventions';
import { FormError } from '../../components/FormError';
import { DateField, TextAreaField } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { checkUkDate, parseUkDate, todayUk } from '../cases/case-page/uk-date';
import { RadioGroup } from '../consultations/ChoiceFields';
import { closePlan } from './interventions-actions';

interface ClosureDraft {
  closedOn: string;
  reason: ClosureReason | null;
  summary: string;
  recommendations: string;
}

/** By the draft's field names (the schema's paths are the same). */
type Errors = Partial<Record<string, string>>;

function check(d: ClosureDraft) {
  const errors: Errors = {};
  const date = checkUkDate(d.closedOn, 'closing date', true);
  if (date) errors.closedOn = date;
  const parsed = closureSchema.safeParse({ ...d, closedOn: parseUkDate(d.closedOn) ?? '' });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (!errors[field]) errors[field] = issue.message;
    }
  }
  return { errors, input: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null };
}

export function ClosureForm({ plan, onDone }: { plan: PlanView; onDone: (message: string | null) => void }) {
  const [d, setD] = useState<ClosureDraft>({ closedOn: todayUk(), reason: null, summary: '', recommendations: '' });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set =
    <K extends keyof ClosureDraft>(key: K) =>
    (value: ClosureDraft[K]) =>
      setD((old) => ({ ...old, [key]: value }));
  const prefix = `closure-${plan.id}`;

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    const { errors: found, input } = check(d);
    setErrors(found);
    setFormError(null);
    if (!input) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      await closePlan(plan, input);
      onDone(`The intervention plan was closed on ${formatDate(input.closedOn)}. Its closing report is ready below.`);
    } catch (err) {
      setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-labelledby={`${prefix}-heading`}>
      <h5 id={`${prefix}-heading`} ref={heading} tabIndex={-1}>
        Close the intervention plan
      </h5>
      <p>Once closed, the plan takes no more sessions, reviews or changes. Start a new plan if the work resumes.</p>
      <FormError id={`${prefix}-error`}>{formError}</FormError>
      <DateField
        id={`${prefix}-date`}
        label="Closing date"
        value={d.closedOn}
        onValueChange={set('closedOn')}
        error={errors.closedOn}
        inputMode="numeric"
        inputClassName="field__input--date"
      />
      <RadioGroup<ClosureReason>
        id={`${prefix}-reason`}
        legend="Why is the intervention closing?"
        value={d.reason}
        onChange={set('reason')}
        options={CLOSURE_REASONS.map((value) => ({ value, label: CLOSURE_REASON_LABELS[value] }))}
        error={errors.reason}
      />
      <TextAreaField
        id={`${prefix}-summary`}
        label="Closing summary"
        value={d.summary}
        onValueChange={set('summary')}
        error={errors.summary}
        rows={5}
      />
      <TextAreaField
        id={`${prefix}-recommendations`}
        label="Recommendations to the network (optional)"
        value={d.recommendations}
        onValueChange={set('recommendations')}
        error={errors.recommendations}
        rows={3}
      />
      <div className="button-row">
        <button type="submit" className="button button--warning" aria-disabled={busy || undefined}>
          {busy ? 'Closing…' : 'Close the plan'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

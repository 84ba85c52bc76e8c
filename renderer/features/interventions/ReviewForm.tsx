/**
 * Record a review of the active plan: when, who attended, the progress made, the changes to the
 * plan and the recommendations. Checked against the contract's `reviewSchema` before it is sent.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { reviewSchema, type PlanView } from '../../../preload/contract/interventions';
import { FormError } from '../../components/FormError';
import { DateField, TextAreaField } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { checkUkDate, parseUkDate, todayUk } from '../cases/case-page/uk-date';
import { addReview } from './interventions-actions';

interface ReviewDraft {
  reviewDate: string;
  attendees: string;
  progress: string;
  changes: string;
  recommendations: string;
}

/** By the draft's field names (the schema's paths are the same). */
type Errors = Partial<Record<string, string>>;

function check(d: ReviewDraft) {
  const errors: Errors = {};
  const date = checkUkDate(d.reviewDate, 'date of the review', true);
  if (date) errors.reviewDate = date;
  const parsed = reviewSchema.safeParse({ ...d, reviewDate: parseUkDate(d.reviewDate) ?? '' });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (!errors[field]) errors[field] = issue.message;
    }
  }
  return { errors, input: parsed.success && Object.keys(errors).length === 0 ? parsed.data : null };
}

export function ReviewForm({ plan, onDone }: { plan: PlanView; onDone: (message: string | null) => void }) {
  const [d, setD] = useState<ReviewDraft>({
    reviewDate: todayUk(),
    attendees: '',
    progress: '',
    changes: '',
    recommendations: '',
  });
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const set = (key: keyof ReviewDraft) => (value: string) => setD((old) => ({ ...old, [key]: value }));
  const prefix = `review-${plan.id}`;

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
      await addReview(plan, input);
      onDone(`The review of ${formatDate(input.reviewDate)} was recorded.`);
    } catch (err) {
      setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-labelledby={`${prefix}-heading`}>
      <h5 id={`${prefix}-heading`} ref={heading} tabIndex={-1}>
        Record a review of the plan
      </h5>
      <FormError id={`${prefix}-error`}>{formError}</FormError>
      <DateField
        id={`${prefix}-date`}
        label="Date of the review"
        value={d.reviewDate}
        onValueChange={set('reviewDate')}
        error={errors.reviewDate}
        inputMode="numeric"
        inputClassName="field__input--date"
      />
      <TextAreaField
        id={`${prefix}-attendees`}
        label="Who attended"
        hint="Names and roles: the family and the professionals."
        value={d.attendees}
        onValueChange={set('attendees')}
        error={errors.attendees}
        rows={2}
      />
      <TextAreaField
        id={`${prefix}-progress`}
        label="Progress made"
        value={d.progress}
        onValueChange={set('progress')}
        error={errors.progress}
        rows={4}
      />
      <TextAreaField
        id={`${prefix}-changes`}
        label="Changes to the plan (optional)"
        value={d.changes}
        onValueChange={set('changes')}
        error={errors.changes}
        rows={3}
      />
      <TextAreaField
        id={`${prefix}-recommendations`}
        label="Recommendations (optional)"
        hint="The progress report prints the latest review’s recommendations."
        value={d.recommendations}
        onValueChange={set('recommendations')}
        error={errors.recommendations}
        rows={3}
      />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : 'Record the review'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

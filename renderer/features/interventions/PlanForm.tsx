/**
 * Start an intervention plan, or change the active one: the type, the start date, the
 * clinicians, the other agencies' care and the goals. Checked here first (every problem at
 * once, by its field, in the contract's words) and again by the core. A change someone else
 * saved first is a CONFLICT: said plainly, with the way to load their version.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PLAN_TYPES, PLAN_TYPE_LABELS, type PlanType, type PlanView } from '../../../preload/contract/interventions';
import { FormError } from '../../components/FormError';
import { DateField, FieldGroup } from '../../components/fields';
import { ApiError, errorMessage } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useCasePageStore } from '../../stores/case-page';
import { useSessionStore } from '../../stores/session';
import { todayUk } from '../cases/case-page/uk-date';
import { RadioGroup } from '../consultations/ChoiceFields';
import { GoalFields } from './GoalFields';
import { reloadPlans, startPlan, updatePlan } from './interventions-actions';
import { NetworkCareFields, networkOf } from './NetworkCareFields';
import { checkPlan, newPlanDraft, planDraftOf, type PlanDraft, type PlanErrors } from './plan-draft';

export function PlanForm({ editing, onDone }: { editing: PlanView | null; onDone: (message: string | null) => void }) {
  const me = useSessionStore((s) => s.user);
  const users = useCasePageStore((s) => s.users) ?? [];
  const people = useCasePageStore((s) => s.detail?.people) ?? [];
  const [d, setD] = useState<PlanDraft>(() =>
    editing
      ? planDraftOf(editing)
      : newPlanDraft(todayUk(), users.some((u) => u.id === me?.id) ? (me?.id ?? null) : null),
  );
  const [errors, setErrors] = useState<PlanErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const heading = useRef<HTMLHeadingElement>(null);
  // Opened from a button that then goes: the keyboard user lands on the form's heading.
  useEffect(() => heading.current?.focus(), []);
  const set =
    <K extends keyof PlanDraft>(key: K) =>
    (value: PlanDraft[K]) =>
      setD((old) => ({ ...old, [key]: value }));
  const prefix = editing ? `plan-${editing.id}` : 'plan-new';

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    const { errors: found, input } = checkPlan(d);
    setErrors(found);
    setFormError(null);
    if (!input) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      if (editing) await updatePlan(editing, input);
      else await startPlan(input);
      onDone(
        editing
          ? 'The intervention plan was saved.'
          : 'The intervention plan was started. Record or book its first session below.',
      );
    } catch (err) {
      setConflict(err instanceof ApiError && err.code === 'CONFLICT');
      setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  /** Take the version someone else saved, and start again from it. */
  async function reload() {
    await reloadPlans();
    onDone('The plan was reloaded with the other change. Make your change again if it is still needed.');
  }

  const clinicianError = errors.clinicianIds;
  // A change sits inside the plan's own section; a new plan stands under the tab's heading.
  const Heading = editing ? 'h5' : 'h4';
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      className="case-form"
      aria-labelledby={`${prefix}-heading`}
      data-testid="plan-form"
    >
      <Heading id={`${prefix}-heading`} ref={heading} tabIndex={-1}>
        {editing ? 'Change the intervention plan' : 'Start an intervention plan'}
      </Heading>
      <FormError id={`${prefix}-error`}>{formError}</FormError>
      {conflict && (
        <button type="button" className="button button--secondary" onClick={() => void reload()}>
          Load the plan as it now is
        </button>
      )}
      <RadioGroup<PlanType>
        id={`${prefix}-type`}
        legend="Type of intervention"
        value={d.planType || null}
        onChange={set('planType')}
        options={PLAN_TYPES.map((value) => ({ value, label: PLAN_TYPE_LABELS[value] }))}
        error={errors.planType}
        inline
      />
      <DateField
        id={`${prefix}-start`}
        label="Start date"
        value={d.startDate}
        onValueChange={set('startDate')}
        error={errors.startDate}
        inputMode="numeric"
        inputClassName="field__input--date"
      />
      <FieldGroup
        id={`${prefix}-clinicians`}
        legend="Clinicians"
        hint="Who delivers the intervention."
        error={clinicianError}
      >
        {users.map((u) => (
          <div className="checkbox checkbox--compact" key={u.id}>
            <input
              id={`${prefix}-clinician-${u.id}`}
              type="checkbox"
              checked={d.clinicianIds.includes(u.id)}
              aria-invalid={clinicianError ? true : undefined}
              onChange={(e) =>
                set('clinicianIds')(
                  e.target.checked ? [...d.clinicianIds, u.id] : d.clinicianIds.filter((x) => x !== u.id),
                )
              }
            />
            <label htmlFor={`${prefix}-clinician-${u.id}`}>{u.displayName}</label>
          </div>
        ))}
      </FieldGroup>
      <NetworkCareFields
        idPrefix={prefix}
        network={networkOf(people)}
        value={d.networkCare}
        onChange={set('networkCare')}
        errors={errors}
      />
      <GoalFields idPrefix={prefix} goals={d.goals} onChange={set('goals')} errors={errors} />
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : editing ? 'Save the plan' : 'Start the plan'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * Start a run, or change its details: title (no family names), group or one family,
 * facilitators, start date, the number of sessions (12-15) and the venue. A new run's sessions
 * are laid out weekly from the start date; their dates and themes are set in the plan.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  DELIVERY_LABELS,
  MAX_PLANNED_SESSIONS,
  MIN_PLANNED_SESSIONS,
  type RunView,
} from '../../../preload/contract/safe-home';
import { FormError } from '../../components/FormError';
import { DateField, SelectField, TextField, optionsOf } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useSessionStore } from '../../stores/session';
import { FacilitatorsField } from './FacilitatorsField';
import { detailsDraftOf, planRowsOf, runInputOf, type PlanErrors, type RunDetailsDraft } from './run-plan';
import { createRun, updateRun } from './safe-home-actions';

const SESSION_COUNTS = Array.from({ length: MAX_PLANNED_SESSIONS - MIN_PLANNED_SESSIONS + 1 }, (_, i) => {
  const n = String(MIN_PLANNED_SESSIONS + i);
  return { value: n, label: `${n} sessions` };
});

export function RunForm({ editing, onDone }: { editing: RunView | null; onDone: (saved: string | null) => void }) {
  const me = useSessionStore((s) => s.user?.id ?? null);
  const [draft, setDraft] = useState<RunDetailsDraft>(() => detailsDraftOf(editing, me));
  const [errors, setErrors] = useState<PlanErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const known = useMemo(() => editing?.facilitators ?? [], [editing]);
  const set = (patch: Partial<RunDetailsDraft>) => setDraft((d) => ({ ...d, ...patch }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const made = runInputOf(draft, editing ? planRowsOf(editing) : null);
    setErrors(made.errors ?? {});
    setFormError(null);
    if (!made.input) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      if (editing) await updateRun(editing, made.input);
      else await createRun(made.input);
      onDone(editing ? 'The run’s details were saved.' : null);
    } catch (err) {
      setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  const title = editing ? 'Change the run’s details' : 'New run';
  return (
    <form ref={formRef} noValidate onSubmit={submit} className="case-form" aria-labelledby="run-form-heading">
      <h3 id="run-form-heading" ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <TextField
        id="run-title"
        label="Title"
        hint="What the team calls the run, for example “Spring group, north”. No family names."
        value={draft.title}
        onValueChange={(title) => set({ title })}
        error={errors['run-title']}
      />
      <SelectField
        id="run-delivery"
        label="Delivery"
        value={draft.delivery}
        onValueChange={(delivery) => set({ delivery })}
        options={optionsOf(DELIVERY_LABELS)}
      />
      <FacilitatorsField
        value={draft.facilitatorIds}
        onChange={(facilitatorIds) => set({ facilitatorIds })}
        error={errors['run-facilitators']}
        known={known}
      />
      <div className="form-columns">
        <DateField
          id="run-start"
          label="Start date"
          value={draft.startDate}
          onValueChange={(startDate) => set({ startDate })}
          error={errors['run-start']}
        />
        <SelectField
          id="run-sessions"
          label="Planned sessions"
          hint={editing ? 'Fewer sessions removes the last ones, if their registers are not taken.' : 'Currently 13.'}
          value={draft.plannedSessions}
          onValueChange={(plannedSessions) => set({ plannedSessions })}
          options={SESSION_COUNTS}
        />
      </div>
      <TextField
        id="run-venue"
        label="Venue"
        value={draft.venue}
        onValueChange={(venue) => set({ venue })}
        error={errors['run-venue']}
      />
      <FormError id="run-form-error">{formError}</FormError>
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : editing ? 'Save the details' : 'Start the run'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

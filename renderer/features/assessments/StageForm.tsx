import { useState, type FormEvent } from 'react';
import type { StageView } from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/TextField';
import { errorMessage } from '../../lib/api';
import { useFocusOnMount } from '../../lib/useFocusOnMount';
import { useCasePageStore } from '../../stores/case-page';
import { useSessionStore } from '../../stores/session';
import { SelectField } from '../cases/case-page/fields';
import { checkUkDate, isoToUk, parseUkDate, todayUk } from '../cases/case-page/uk-date';
import { workerChoices } from '../cases/case-page/workers';
import { completeStage, planStage } from './assessment-actions';
import { stageLabel } from './labels';

/**
 * Record a stage done (on a date, today by default), or change its plan (planned date and
 * owner). Opened from the stages table; focus goes to its first field and back when it closes.
 */
export function StageForm(props: {
  stage: StageView;
  mode: 'done' | 'plan';
  onClose: (message: string | null) => void;
}) {
  const { stage, mode, onClose } = props;
  const detail = useCasePageStore((s) => s.detail);
  const users = useCasePageStore((s) => s.users);
  const me = useSessionStore((s) => s.user);
  const [date, setDate] = useState(
    mode === 'done' ? todayUk() : isoToUk(stage.plannedIsDefault ? null : stage.plannedDate),
  );
  const [owner, setOwner] = useState(stage.ownerId ?? '');
  const [dateError, setDateError] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstField = useFocusOnMount<HTMLInputElement>();
  const name = stageLabel(stage);
  const headingId = `stage-form-heading`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const error = checkUkDate(date, mode === 'done' ? 'date it was done' : 'planned date', mode === 'done');
    setDateError(error);
    setFormError(null);
    if (error) return;
    setBusy(true);
    try {
      const iso = date.trim() ? parseUkDate(date) : null;
      if (mode === 'done' && iso) await completeStage(stage.id, stage.version, iso);
      else await planStage(stage.id, stage.version, iso, owner || null);
      onClose(mode === 'done' ? `${name}: marked done on ${date.trim()}.` : `${name}: plan saved.`);
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  const owners = detail ? workerChoices(detail, me, users) : [];
  return (
    <form noValidate onSubmit={submit} className="case-form" aria-labelledby={headingId}>
      <h4 id={headingId}>{mode === 'done' ? `Mark done: ${name}` : `Plan: ${name}`}</h4>
      <FormError id="stage-form-error">{formError}</FormError>
      <div className="form-columns">
        <TextField
          id="stage-date"
          label={mode === 'done' ? 'Done on' : 'Planned date (optional)'}
          hint={mode === 'done' ? 'dd/mm/yyyy' : 'dd/mm/yyyy. Leave empty to plan it by the 12-week default.'}
          value={date}
          onValueChange={setDate}
          error={dateError}
          inputMode="numeric"
          autoComplete="off"
          inputRef={firstField}
        />
        {mode === 'plan' && (
          <SelectField
            id="stage-owner"
            label="Owner"
            value={owner}
            onValueChange={setOwner}
            options={[
              { value: '', label: 'No owner yet' },
              ...owners.map((w) => ({ value: w.id, label: w.displayName })),
            ]}
          />
        )}
      </div>
      <div className="button-row">
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : mode === 'done' ? 'Mark done' : 'Save plan'}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onClose(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

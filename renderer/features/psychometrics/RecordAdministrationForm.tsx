import { useState, type FormEvent } from 'react';
import { RESPONDENT_LABELS, type InstrumentView } from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { errorMessage } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useCasePageStore } from '../../stores/case-page';
import { useSessionStore } from '../../stores/session';
import { SelectField } from '../../components/fields';
import { workerChoices } from '../cases/case-page/workers';
import {
  draftErrors,
  draftFields,
  emptyDraft,
  hasDraftErrors,
  NO_DRAFT_ERRORS,
  withoutErrorsFor,
  type AdministrationDraft,
} from './administration-draft';
import { AdministrationFields } from './AdministrationFields';
import { recordAdministration, usePsychometricsStore } from './psychometrics-store';

export function instrumentLabel(i: InstrumentView): string {
  return `${i.name} (${RESPONDENT_LABELS[i.respondent]}${i.version ? `, ${i.version}` : ''})`;
}

/** Record a questionnaire: the instrument, date, who answered, who administered, the scores. */
export function RecordAdministrationForm({ onRecorded }: { onRecorded: (text: string) => void }) {
  const detail = useCasePageStore((s) => s.detail);
  const users = useCasePageStore((s) => s.users);
  const me = useSessionStore((s) => s.user);
  const instruments = usePsychometricsStore((s) => s.instruments);
  const [instrumentId, setInstrumentId] = useState('');
  const [instrumentError, setInstrumentError] = useState<string | null>(null);
  const [draft, setDraft] = useState<AdministrationDraft>(() => emptyDraft(me?.id ?? ''));
  const [errors, setErrors] = useState(NO_DRAFT_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  if (!detail || !instruments) return null;

  const caseId = detail.id;
  const instrument = instruments.find((i) => i.id === instrumentId) ?? null;
  const workers = workerChoices(detail, me, users);

  function choose(id: string) {
    setInstrumentId(id);
    setDraft((d) => ({ ...d, scores: {} }));
    setErrors(NO_DRAFT_ERRORS);
    setInstrumentError(null);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setFormError(null);
    if (!instrument) {
      setInstrumentError('Choose the questionnaire.');
      markFailed();
      return;
    }
    const found = draftErrors(instrument.scales, instrument.respondent, draft);
    setErrors(found);
    if (hasDraftErrors(found)) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      const made = await recordAdministration(caseId, {
        instrumentId: instrument.id,
        ...draftFields(instrument.scales, instrument.respondent, draft),
      });
      setDraft((d) => ({ ...d, scores: {}, notes: '' }));
      onRecorded(`Recorded ${made.instrumentName} (${RESPONDENT_LABELS[made.respondentType]}): ${made.summary}.`);
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      className="case-form"
      aria-labelledby="record-psychometric-heading"
    >
      <h4 id="record-psychometric-heading">Record a questionnaire</h4>
      <FormError id="record-psychometric-error">{formError}</FormError>
      <SelectField
        id="psychometric-instrument"
        label="Questionnaire"
        value={instrumentId}
        onValueChange={choose}
        error={instrumentError}
        options={[
          { value: '', label: 'Choose…' },
          ...instruments.map((i) => ({ value: i.id, label: instrumentLabel(i) })),
        ]}
      />
      {instrument && (
        <AdministrationFields
          idPrefix="psychometric"
          detail={detail}
          workers={workers}
          respondent={instrument.respondent}
          scales={instrument.scales}
          draft={draft}
          errors={errors}
          onChange={(change) => {
            setErrors((e) => withoutErrorsFor(e, draft, change));
            setDraft((d) => ({ ...d, ...change }));
          }}
        />
      )}
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? 'Recording…' : 'Record questionnaire'}
      </button>
    </form>
  );
}

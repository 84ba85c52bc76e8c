import { useState, type FormEvent } from 'react';
import { RESPONDENT_LABELS, type InstrumentView } from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/TextField';
import { errorMessage } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useCasePageStore } from '../../stores/case-page';
import { useSessionStore } from '../../stores/session';
import { SelectField, TextAreaField } from '../cases/case-page/fields';
import { checkUkDate, parseUkDate, todayUk } from '../cases/case-page/uk-date';
import { workerChoices } from '../cases/case-page/workers';
import { parseScore, previewBand } from './band-text';
import { recordAdministration, usePsychometricsStore } from './psychometrics-store';
import styles from './PsychometricsTab.module.css';

export function instrumentLabel(i: InstrumentView): string {
  return `${i.name} (${RESPONDENT_LABELS[i.respondent]}${i.version ? `, ${i.version}` : ''})`;
}

interface Errors {
  instrument: string | null;
  date: string | null;
  respondent: string | null;
  scores: Record<string, string | null>;
}

const NO_ERRORS: Errors = { instrument: null, date: null, respondent: null, scores: {} };

/** Record a questionnaire: the instrument, date, who answered, who administered, the scores. */
export function RecordAdministrationForm({ onRecorded }: { onRecorded: (text: string) => void }) {
  const detail = useCasePageStore((s) => s.detail);
  const users = useCasePageStore((s) => s.users);
  const me = useSessionStore((s) => s.user);
  const instruments = usePsychometricsStore((s) => s.instruments);
  const [instrumentId, setInstrumentId] = useState('');
  const [date, setDate] = useState(todayUk());
  const [personId, setPersonId] = useState('');
  const [teacher, setTeacher] = useState('');
  const [by, setBy] = useState(me?.id ?? '');
  const [scores, setScores] = useState<Record<string, string>>({});
  const [notes, setNotes] = useState('');
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  if (!detail || !instruments) return null;

  const caseId = detail.id;
  const instrument = instruments.find((i) => i.id === instrumentId) ?? null;
  const carers = detail.people.filter((p) => p.kind === 'parent_carer');
  const workers = workerChoices(detail, me, users);

  function choose(id: string) {
    setInstrumentId(id);
    setScores({});
    setErrors(NO_ERRORS);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    const found: Errors = {
      instrument: instrument ? null : 'Choose the questionnaire.',
      date: checkUkDate(date, 'date it was administered', true),
      respondent:
        instrument?.respondent === 'carer' && !personId
          ? 'Choose which parent or carer answered.'
          : instrument?.respondent === 'teacher' && !teacher.trim()
            ? 'Enter the name of the teacher who answered.'
            : null,
      scores: {},
    };
    for (const scale of instrument?.scales ?? [])
      found.scores[scale.key] = previewBand(scale, scores[scale.key] ?? '').problem;
    const anyScore = instrument?.scales.some((s) => (scores[s.key] ?? '').trim() !== '');
    if (instrument && !anyScore && instrument.scales[0])
      found.scores[instrument.scales[0].key] = 'Enter at least one score.';
    setErrors(found);
    setFormError(null);
    if (
      found.instrument ||
      found.date ||
      found.respondent ||
      Object.values(found.scores).some(Boolean) ||
      !instrument
    ) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      const made = await recordAdministration(caseId, {
        administeredOn: parseUkDate(date) as string,
        instrumentId: instrument.id,
        respondentPersonId: instrument.respondent === 'carer' ? personId : null,
        respondentName: instrument.respondent === 'teacher' ? teacher.trim() : null,
        administeredBy: by,
        scores: instrument.scales.map((s) => ({ scaleKey: s.key, score: parseScore(scores[s.key] ?? '') })),
        notes: notes.trim() || null,
      });
      setScores({});
      setNotes('');
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
        error={errors.instrument}
        options={[
          { value: '', label: 'Choose…' },
          ...instruments.map((i) => ({ value: i.id, label: instrumentLabel(i) })),
        ]}
      />
      <div className="form-columns">
        <TextField
          id="psychometric-date"
          label="Date administered"
          hint="dd/mm/yyyy"
          value={date}
          onValueChange={setDate}
          error={errors.date}
          inputMode="numeric"
          autoComplete="off"
        />
        <SelectField
          id="psychometric-by"
          label="Administered by"
          value={by}
          onValueChange={setBy}
          options={workers.map((w) => ({ value: w.id, label: w.displayName }))}
        />
      </div>
      {instrument?.respondent === 'young_person' && <p>Answered by the young person.</p>}
      {instrument?.respondent === 'carer' &&
        (carers.length === 0 ? (
          <p className="form-error" role="alert">
            This case has no parent or carer yet. Add them on the People tab first.
          </p>
        ) : (
          <SelectField
            id="psychometric-carer"
            label="Parent or carer who answered"
            value={personId}
            onValueChange={setPersonId}
            error={errors.respondent}
            options={[{ value: '', label: 'Choose…' }, ...carers.map((p) => ({ value: p.id, label: p.name }))]}
          />
        ))}
      {instrument?.respondent === 'teacher' && (
        <TextField
          id="psychometric-teacher"
          label="Teacher who answered"
          value={teacher}
          onValueChange={setTeacher}
          error={errors.respondent}
          autoComplete="off"
        />
      )}
      {instrument && (
        <fieldset className="fieldset">
          <legend>Scores</legend>
          <p className="field__hint">Leave a scale blank if it was not scored. The band shows as you type.</p>
          <div className={styles.scoreGrid}>
            {instrument.scales.map((scale) => {
              const preview = previewBand(scale, scores[scale.key] ?? '');
              return (
                <TextField
                  key={scale.key}
                  id={`psychometric-score-${scale.key}`}
                  label={`${scale.name} (${scale.min}–${scale.max})`}
                  hint={
                    (errors.scores[scale.key] ? null : preview.problem) ??
                    preview.band ??
                    (scale.integer ? 'Whole numbers.' : 'Decimals allowed.')
                  }
                  value={scores[scale.key] ?? ''}
                  onValueChange={(v) => setScores((s) => ({ ...s, [scale.key]: v }))}
                  error={errors.scores[scale.key] ?? null}
                  inputMode={scale.integer ? 'numeric' : 'decimal'}
                  autoComplete="off"
                />
              );
            })}
          </div>
        </fieldset>
      )}
      <TextAreaField id="psychometric-notes" label="Notes (optional)" value={notes} onValueChange={setNotes} rows={2} />
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? 'Recording…' : 'Record questionnaire'}
      </button>
    </form>
  );
}

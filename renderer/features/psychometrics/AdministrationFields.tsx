import type { CaseDetail, RespondentType, ScaleDefinition } from '../../../preload/contract';
import { SelectField, TextAreaField, TextField } from '../../components/fields';
import type { Worker } from '../../stores/case-page';
import type { AdministrationDraft, DraftErrors } from './administration-draft';
import { previewBand } from './band-text';
import styles from './PsychometricsTab.module.css';

/**
 * The fields of one questionnaire, shared by the record and correction forms: date and who
 * administered it, who answered, each scale's score with its band shown as it is typed (from
 * `scales`: the catalogue's for a new record, the administration's own copy for a correction),
 * and notes. `idPrefix` keeps the ids apart when both forms are on the page.
 */
export function AdministrationFields(props: {
  idPrefix: string;
  detail: CaseDetail;
  workers: Worker[];
  respondent: RespondentType;
  scales: readonly ScaleDefinition[];
  draft: AdministrationDraft;
  errors: DraftErrors;
  onChange: (change: Partial<AdministrationDraft>) => void;
}) {
  const { idPrefix, detail, workers, respondent, scales, draft, errors, onChange } = props;
  const carers = detail.people.filter((p) => p.kind === 'parent_carer');
  return (
    <>
      <div className="form-columns">
        <TextField
          id={`${idPrefix}-date`}
          label="Date administered"
          hint="dd/mm/yyyy"
          value={draft.date}
          onValueChange={(date) => onChange({ date })}
          error={errors.date}
          inputMode="numeric"
          autoComplete="off"
        />
        <SelectField
          id={`${idPrefix}-by`}
          label="Administered by"
          value={draft.by}
          onValueChange={(by) => onChange({ by })}
          options={workers.map((w) => ({ value: w.id, label: w.displayName }))}
        />
      </div>
      {respondent === 'young_person' && <p>Answered by the young person.</p>}
      {respondent === 'carer' &&
        (carers.length === 0 ? (
          <p className="form-error" role="alert">
            This case has no parent or carer yet. Add them on the People tab first.
          </p>
        ) : (
          <SelectField
            id={`${idPrefix}-carer`}
            label="Parent or carer who answered"
            value={draft.personId}
            onValueChange={(personId) => onChange({ personId })}
            error={errors.respondent}
            options={[{ value: '', label: 'Choose…' }, ...carers.map((p) => ({ value: p.id, label: p.name }))]}
          />
        ))}
      {respondent === 'teacher' && (
        <TextField
          id={`${idPrefix}-teacher`}
          label="Teacher who answered"
          value={draft.teacher}
          onValueChange={(teacher) => onChange({ teacher })}
          error={errors.respondent}
          autoComplete="off"
        />
      )}
      <fieldset className="fieldset">
        <legend>Scores</legend>
        <p className="field__hint">Leave a scale blank if it was not scored. The band shows as you type.</p>
        <div className={styles.scoreGrid}>
          {scales.map((scale) => {
            const text = draft.scores[scale.key] ?? '';
            const preview = previewBand(scale, text);
            return (
              <TextField
                key={scale.key}
                id={`${idPrefix}-score-${scale.key}`}
                label={`${scale.name} (${scale.min}–${scale.max})`}
                hint={
                  (errors.scores[scale.key] ? null : preview.problem) ??
                  preview.band ??
                  (scale.integer ? 'Whole numbers.' : 'Decimals allowed.')
                }
                value={text}
                onValueChange={(v) => onChange({ scores: { ...draft.scores, [scale.key]: v } })}
                error={errors.scores[scale.key] ?? null}
                inputMode={scale.integer ? 'numeric' : 'decimal'}
                autoComplete="off"
              />
            );
          })}
        </div>
      </fieldset>
      <TextAreaField
        id={`${idPrefix}-notes`}
        label="Notes (optional)"
        value={draft.notes}
        onValueChange={(notes) => onChange({ notes })}
        rows={2}
      />
    </>
  );
}

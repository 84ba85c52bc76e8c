/**
 * The classification of a non-CARE-Index procedure, read as it is typed (`parseClassification`:
 * its meaning and tier under the field, or its refusal as the field's error), and the modifiers
 * the procedure takes.
 */
import {
  DMM_MODIFIERS,
  DMM_PROCEDURES,
  NON_RESOLUTION_FORMS,
  type DmmModifierCode,
  type DmmProcedureCode,
  type NonResolutionForm,
} from '../../../preload/contract/dmm';
import { CheckboxGroup, FieldGroup, TextField } from '../../components/fields';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { classificationPreview } from './live-reading';
import { newModifier, type DraftErrors, type ModifierDraft } from './procedure-draft';
import { tierWords } from './TierBadge';
import styles from './ProcedureForm.module.css';

const FORM_CHOICES = (Object.keys(NON_RESOLUTION_FORMS) as NonResolutionForm[]).map((f) => ({
  value: f,
  label: NON_RESOLUTION_FORMS[f],
}));

export function ClassificationField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error: string | undefined;
}) {
  const parsed = classificationPreview(value);
  // A refusal shows as the field's error as soon as it is typed, not only on saving.
  const liveError = typeof parsed === 'string' ? parsed : (error ?? null);
  const hint =
    parsed && typeof parsed !== 'string'
      ? `${parsed.text}: ${parsed.meaning}. ${tierWords(parsed.tier)}.`
      : 'For example B3, B4-5, A4/C5, AC, IO or CC. Leave it empty until it is coded.';
  return (
    <TextField
      id="procedure-classification"
      label="Classification"
      hint={hint}
      value={value}
      onValueChange={onChange}
      error={liveError}
      autoComplete="off"
      spellCheck={false}
      inputClassName={styles.code}
    />
  );
}

function ModifierEntry({
  entry,
  index,
  error,
  onChange,
  onRemove,
}: {
  entry: ModifierDraft;
  index: number;
  error: string | undefined;
  onChange: (m: ModifierDraft) => void;
  onRemove: () => void;
}) {
  const def = DMM_MODIFIERS[entry.code];
  const id = `modifier-${entry.key}`;
  return (
    <FieldGroup id={id} legend={`Modifier ${index + 1}: ${entry.code} (${def.label.toLowerCase()})`} error={error}>
      {def.perEvent && (
        <>
          <TextField
            id={`${id}-about`}
            label={entry.code === 'Ul' ? 'Who was lost' : 'The trauma (what happened, when)'}
            value={entry.about}
            onValueChange={(about) => onChange({ ...entry, about })}
            autoComplete="off"
          />
          <CheckboxGroup
            id={`${id}-forms`}
            legend="Form of non-resolution"
            choices={FORM_CHOICES}
            value={entry.forms}
            onChange={(forms) => onChange({ ...entry, forms })}
            look="row"
          />
          {entry.forms.includes('other') && (
            <TextField
              id={`${id}-other`}
              label="The other form, described"
              value={entry.otherForm}
              onValueChange={(otherForm) => onChange({ ...entry, otherForm })}
              autoComplete="off"
            />
          )}
        </>
      )}
      {def.needsTarget && (
        <TextField
          id={`${id}-target`}
          label="Reorganising towards"
          hint="The strategy it is moving towards, for example B."
          value={entry.target}
          onValueChange={(target) => onChange({ ...entry, target })}
          autoComplete="off"
        />
      )}
      <button id={`${id}-remove`} type="button" className="link-button link-button--danger" onClick={onRemove}>
        Remove modifier {index + 1} ({entry.code})
      </button>
    </FieldGroup>
  );
}

/**
 * The modifiers: only the procedure's are offered. Ul and Utr are added once per loss or
 * trauma; the others once each (their button goes once used). Entries the procedure does not
 * take (after the procedure was changed) stay, with the reason as their error, until removed.
 */
export function ModifiersEditor({
  procedure,
  modifiers,
  errors,
  onChange,
}: {
  procedure: DmmProcedureCode;
  modifiers: ModifierDraft[];
  errors: DraftErrors;
  onChange: (m: ModifierDraft[]) => void;
}) {
  const proc = DMM_PROCEDURES[procedure];
  const focusLater = useFocusLater();
  const offered = proc.modifiers.filter(
    (c: DmmModifierCode) => DMM_MODIFIERS[c].perEvent || !modifiers.some((m) => m.code === c),
  );
  const takes =
    proc.modifiers.length === 0
      ? `The ${proc.label} takes no modifiers.`
      : `The ${proc.label} takes ${proc.modifiers.join(', ')}.`;
  return (
    <FieldGroup id="procedure-modifiers" legend="Modifiers" hint={takes} error={errors.modifiers} look="section">
      {modifiers.map((m, i) => (
        <ModifierEntry
          key={m.key}
          entry={m}
          index={i}
          error={errors[`modifier-${m.key}`]}
          onChange={(changed) => onChange(modifiers.map((x) => (x.key === m.key ? changed : x)))}
          onRemove={() => {
            onChange(modifiers.filter((x) => x.key !== m.key));
            // The entry's own controls go with it: continue from the classification.
            focusLater(() => document.getElementById('procedure-classification'));
          }}
        />
      ))}
      {offered.length > 0 && (
        <div className={`button-row ${styles.addModifiers}`}>
          {offered.map((c) => (
            <button
              key={c}
              type="button"
              className="button button--secondary button--small"
              onClick={() => {
                const added = newModifier(c, modifiers);
                onChange([...modifiers, added]);
                // Into the new entry: its first field, or (Dp, DO, ina, ES have none) its remove button.
                const id = `modifier-${added.key}`;
                focusLater(
                  () =>
                    document.getElementById(`${id}-about`) ??
                    document.getElementById(`${id}-target`) ??
                    document.getElementById(`${id}-remove`),
                );
              }}
            >
              Add {c} <span className={styles.buttonNote}>({DMM_MODIFIERS[c].label.toLowerCase()})</span>
            </button>
          ))}
        </div>
      )}
    </FieldGroup>
  );
}

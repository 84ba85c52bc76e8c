import { useEffect, useRef, useState, type FormEvent } from 'react';
import { RESPONDENT_LABELS, RESPONDENT_TYPES, type InstrumentView } from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/TextField';
import { call, errorMessage } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { SelectField } from '../cases/case-page/fields';
import { draftOf, emptyDraft, emptyScale, toInput, type DraftInstrument } from './catalogue-draft';
import { ScaleEditor } from './ScaleEditor';
import styles from './InstrumentCatalogue.module.css';

/**
 * Add or change a catalogue entry. Saving checks every scale's bands (in order, no overlaps or
 * gaps, covering the range) and says what is wrong; past administrations keep their own bands.
 */
export function InstrumentEditor(props: {
  editing: InstrumentView | null;
  onSaved: (saved: InstrumentView, text: string) => void;
  onCancel: () => void;
}) {
  const { editing, onSaved, onCancel } = props;
  const [draft, setDraft] = useState<DraftInstrument>(() => (editing ? draftOf(editing) : emptyDraft()));
  const [problems, setProblems] = useState<{ name: string | null; scales: (string | null)[] }>({
    name: null,
    scales: [],
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opened from a button in the table above: a keyboard user lands on the form it opened.
  useEffect(() => headingRef.current?.focus(), []);
  const heading = editing ? `Edit ${editing.name} (${RESPONDENT_LABELS[editing.respondent]})` : 'Add an instrument';

  async function save(retired: boolean) {
    if (busy) return;
    const checked = toInput(draft);
    setFormError(null);
    if (!checked.input) {
      setProblems(checked.problems);
      setFormError('The instrument was not saved: see the problems below.');
      markFailed();
      return;
    }
    setProblems({ name: null, scales: [] });
    setBusy(true);
    try {
      const saved = editing
        ? await call('psychometrics:updateInstrument', {
            instrumentId: editing.id,
            expectedVersion: editing.recordVersion,
            instrument: checked.input,
            retired,
          })
        : await call('psychometrics:createInstrument', { instrument: checked.input });
      onSaved(saved, retired ? `Retired ${saved.name}. Past results keep their record.` : `Saved ${saved.name}.`);
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    void save(false);
  }

  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={submit}
      className={styles.editor}
      aria-labelledby="instrument-editor-heading"
    >
      <h3 id="instrument-editor-heading" ref={headingRef} tabIndex={-1}>
        {heading}
      </h3>
      <FormError id="instrument-editor-error">{formError}</FormError>
      <div className="form-columns">
        <TextField
          id="instrument-name"
          label="Name"
          value={draft.name}
          error={problems.name}
          onValueChange={(name) => setDraft({ ...draft, name })}
        />
        <SelectField
          id="instrument-respondent"
          label="Respondent"
          value={draft.respondent}
          onValueChange={(respondent) => setDraft({ ...draft, respondent })}
          options={RESPONDENT_TYPES.map((r) => ({
            value: r,
            label: RESPONDENT_LABELS[r].replace(/^./, (c) => c.toUpperCase()),
          }))}
        />
        <TextField
          id="instrument-version"
          label="Version (optional)"
          hint="e.g. the form or edition"
          value={draft.version}
          onValueChange={(version) => setDraft({ ...draft, version })}
        />
      </div>
      <p className="field__hint">The first scale is the headline score shown in the chronology.</p>
      {draft.scales.map((scale, i) => (
        <ScaleEditor
          key={i}
          index={i}
          scale={scale}
          problem={problems.scales[i] ?? null}
          onChange={(s) => setDraft({ ...draft, scales: draft.scales.map((x, j) => (j === i ? s : x)) })}
          // Scales already in use stay: past administrations copied them, new ones may leave them blank.
          onRemove={
            draft.scales.length > 1 && scale.key === null
              ? () => setDraft({ ...draft, scales: draft.scales.filter((_x, j) => j !== i) })
              : null
          }
        />
      ))}
      <div className={styles.actions}>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setDraft({ ...draft, scales: [...draft.scales, emptyScale()] })}
        >
          Add a scale
        </button>
      </div>
      <div className={styles.actions}>
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Saving…' : 'Save instrument'}
        </button>
        {editing && !editing.retired && (
          <button type="button" className="button button--secondary" onClick={() => void save(true)}>
            Retire {editing.name}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

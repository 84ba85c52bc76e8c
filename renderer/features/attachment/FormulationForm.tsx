import { useState, type FormEvent } from 'react';
import type { AttachmentView } from '../../../preload/contract/attachment';
import { TextAreaField } from '../../components/fields';
import { FormError } from '../../components/FormError';
import { errorMessage } from '../../lib/api';
import { SummaryList } from '../cases/case-page/SummaryList';
import { updateAttachment } from './attachment-actions';
import styles from './AttachmentTab.module.css';

/** The functional formulation and the summary of the self-protective strategy, saved together. */
export function FormulationForm({ attachment, canWrite }: { attachment: AttachmentView; canWrite: boolean }) {
  const [formulation, setFormulation] = useState(attachment.formulation ?? '');
  const [strategy, setStrategy] = useState(attachment.strategySummary ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (!canWrite) {
    // A read-only user reads the texts; a form they cannot save would only mislead.
    return (
      <section aria-labelledby="attachment-formulation-heading" className={styles.section}>
        <h4 id="attachment-formulation-heading">Formulation and strategy</h4>
        <SummaryList
          label="Formulation and strategy"
          rows={[
            ['Functional formulation', attachment.formulation ?? ''],
            ['The young person’s self-protective strategy', attachment.strategySummary ?? ''],
          ]}
        />
      </section>
    );
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      await updateAttachment(formulation.trim() || null, strategy.trim() || null);
      setSaved('The formulation and strategy summary were saved.');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={submit}
      className={`case-form ${styles.section}`}
      aria-labelledby="attachment-formulation-heading"
    >
      <h4 id="attachment-formulation-heading">Formulation and strategy</h4>
      <FormError id="attachment-formulation-error">{error}</FormError>
      <div role="status" className={saved ? 'result result--ok' : 'visually-hidden'}>
        {saved}
      </div>
      <TextAreaField
        id="attachment-formulation"
        label="Functional formulation"
        hint="How the family’s strategies make sense of the behaviour."
        value={formulation}
        onValueChange={setFormulation}
        rows={6}
      />
      <TextAreaField
        id="attachment-strategy"
        label="The young person’s self-protective strategy"
        hint="What the strategy is, and what it means for the behaviour and for risk."
        value={strategy}
        onValueChange={setStrategy}
        rows={4}
      />
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? 'Saving…' : 'Save the formulation'}
      </button>
    </form>
  );
}

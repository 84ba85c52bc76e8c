/**
 * Add or change a training package: its title, summary, who it is for and its current
 * materials version (raising the version starts a new set of materials).
 */
import { useState, type FormEvent } from 'react';
import { TRAINING_SECTOR_LABELS, trainingPackageSchema, type TrainingSector } from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { TextAreaField, TextField, optionsOf } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { useFocusOnMount } from '../../lib/useFocusOnMount';
import { ChoiceBoxes } from './ChoiceBoxes';
import { savePackage, show } from './training-actions';
import { useTrainingStore } from './training-store';
import styles from './Training.module.css';

type Errors = Partial<Record<'title' | 'summary' | 'audienceSectors' | 'currentMaterialsVersion', string>>;

export function PackageForm({ packageId }: { packageId: string | null }) {
  const existing = useTrainingStore((s) => s.packages?.find((p) => p.id === packageId) ?? null);
  const [title, setTitle] = useState(existing?.title ?? '');
  const [summary, setSummary] = useState(existing?.summary ?? '');
  const [sectors, setSectors] = useState<TrainingSector[]>(existing?.audienceSectors ?? []);
  const [version, setVersion] = useState(String(existing?.currentMaterialsVersion ?? 1));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const heading = useFocusOnMount<HTMLHeadingElement>();

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    const typedVersion = version.trim() === '' ? NaN : Number(version);
    const parsed = trainingPackageSchema.safeParse({
      title,
      summary,
      audienceSectors: sectors,
      currentMaterialsVersion: typedVersion,
    });
    const found: Errors = {};
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const key = issue.path[0];
        if (key === 'title' || key === 'summary' || key === 'audienceSectors' || key === 'currentMaterialsVersion') {
          found[key] ??=
            Number.isNaN(typedVersion) && key === 'currentMaterialsVersion'
              ? 'Enter the version as a whole number, such as 2.'
              : issue.message;
        }
      }
    }
    setErrors(found);
    setFailure(null);
    if (!parsed.success) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      const saved = await savePackage(existing, parsed.data);
      show({ kind: 'list' }, `${existing ? 'Saved' : 'Added'} the package “${saved.title}”.`);
    } catch (err) {
      setFailure(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="training-package-heading" className="section">
      <h2 id="training-package-heading" ref={heading} tabIndex={-1}>
        {existing ? `Edit the package “${existing.title}”` : 'Add a training package'}
      </h2>
      <form
        ref={formRef}
        noValidate
        onSubmit={submit}
        className={`case-form ${styles.form}`}
        aria-labelledby="training-package-heading"
      >
        <FormError id="training-package-error">{failure}</FormError>
        <TextField
          id="package-title"
          label="Title"
          value={title}
          onValueChange={setTitle}
          error={errors.title}
          autoComplete="off"
        />
        <TextAreaField
          id="package-summary"
          label="Summary (optional)"
          value={summary}
          onValueChange={setSummary}
          error={errors.summary}
          rows={3}
        />
        <ChoiceBoxes<TrainingSector>
          id="package-sectors"
          legend="Who the package is for"
          choices={optionsOf(TRAINING_SECTOR_LABELS)}
          value={sectors}
          onChange={setSectors}
          error={errors.audienceSectors}
        />
        <TextField
          id="package-version"
          label="Current materials version"
          hint="Raise it when the slides or handouts are revised: new materials are filed under it."
          value={version}
          onValueChange={setVersion}
          error={errors.currentMaterialsVersion}
          inputMode="numeric"
          autoComplete="off"
          inputClassName={styles.numberInput}
        />
        <div className="button-row">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? 'Saving…' : existing ? 'Save package' : 'Add package'}
          </button>
          <button type="button" className="button button--secondary" onClick={() => show({ kind: 'list' })}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

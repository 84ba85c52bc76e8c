/**
 * The training packages, each with who it is for, its current materials version, how many
 * events delivered it, and its materials by version: each file downloads (an audited,
 * unencrypted copy), and a new file is added to the current version.
 */
import { useState, type FormEvent } from 'react';
import { TRAINING_SECTOR_LABELS, type TrainingPackageView } from '../../../preload/contract';
import { FormError, Notice } from '../../components/FormError';
import { FileField, TextField } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { reloadPackages, show } from './training-actions';
import { materialDownloadUrl, uploadMaterial } from './training-materials';
import { useTrainingStore } from './training-store';
import styles from './Training.module.css';

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function AddMaterial({ pkg }: { pkg: TrainingPackageView }) {
  const [file, setFile] = useState<File | null>(null);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const id = `material-${pkg.id}`;

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    setDone(null);
    setFailure(null);
    if (!file) {
      setError('Choose the file to add.');
      document.getElementById(`${id}-file`)?.focus();
      return;
    }
    setBusy(true);
    try {
      const stored = await uploadMaterial({
        packageId: pkg.id,
        materialsVersion: pkg.currentMaterialsVersion,
        file,
        title,
      });
      await reloadPackages();
      setDone(`Added “${stored.title}” to version ${stored.materialsVersion}.`);
      setFile(null);
      setTitle('');
      setFormKey((k) => k + 1);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      key={formKey}
      noValidate
      onSubmit={submit}
      className={styles.addMaterial}
      aria-label={`Add materials to ${pkg.title}`}
    >
      <FormError id={`${id}-error`}>{failure}</FormError>
      {done && <Notice>{done}</Notice>}
      <FileField
        id={`${id}-file`}
        label="File"
        hint={`Slides or a handout for version ${pkg.currentMaterialsVersion}. It is stored encrypted in the vault.`}
        error={error}
        onFile={(chosen) => {
          setFile(chosen);
          setError(null);
        }}
      />
      <TextField
        id={`${id}-title`}
        label="Title (optional)"
        value={title}
        onValueChange={setTitle}
        autoComplete="off"
      />
      <button type="submit" className="button button--secondary" aria-disabled={busy || undefined}>
        {busy ? 'Adding…' : 'Add to the materials'}
      </button>
    </form>
  );
}

function PackageCard({ pkg, canWrite }: { pkg: TrainingPackageView; canWrite: boolean }) {
  const headingId = `package-${pkg.id}-heading`;
  return (
    <article className={styles.package} aria-labelledby={headingId}>
      <h3 id={headingId}>{pkg.title}</h3>
      {pkg.summary && <p>{pkg.summary}</p>}
      <dl className={styles.facts}>
        <dt>For</dt>
        <dd>{pkg.audienceSectors.map((s) => TRAINING_SECTOR_LABELS[s]).join(', ')}</dd>
        <dt>Current materials</dt>
        <dd>Version {pkg.currentMaterialsVersion}</dd>
        <dt>Delivered</dt>
        <dd>{pkg.eventCount === 1 ? '1 event' : `${pkg.eventCount} events`}</dd>
      </dl>
      <h4>Materials</h4>
      {pkg.materials.length === 0 ? (
        <p>No materials stored yet.</p>
      ) : (
        <ul className={styles.materials}>
          {pkg.materials.map((m) => (
            <li key={m.id}>
              <a href={materialDownloadUrl(m.id)} download={m.originalFilename}>
                {m.title}
                <span className="visually-hidden"> (download)</span>
              </a>{' '}
              <span className={styles.secondary}>
                Version {m.materialsVersion} · {m.originalFilename} · {sizeText(m.sizeBytes)} · added{' '}
                {formatDate(m.uploadedAt)} by {m.uploadedByName}
              </span>
            </li>
          ))}
        </ul>
      )}
      {canWrite && (
        <>
          <AddMaterial pkg={pkg} />
          <button
            type="button"
            className="button button--secondary"
            onClick={() => show({ kind: 'package', packageId: pkg.id })}
          >
            Edit package<span className="visually-hidden"> {pkg.title}</span>
          </button>
        </>
      )}
    </article>
  );
}

export function PackagesSection({ canWrite }: { canWrite: boolean }) {
  const packages = useTrainingStore((s) => s.packages);
  if (!packages) return null;
  return (
    <section aria-labelledby="training-packages-heading" className="section">
      <div className={styles.sectionHead}>
        <h2 id="training-packages-heading">Training packages</h2>
        {canWrite && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => show({ kind: 'package', packageId: null })}
          >
            Add a package
          </button>
        )}
      </div>
      {packages.length === 0 ? (
        <p className="empty-state">No packages yet. Add one, or name a new package when you record an event.</p>
      ) : (
        <div className={styles.packages}>
          {packages.map((p) => (
            <PackageCard key={p.id} pkg={p} canWrite={canWrite} />
          ))}
        </div>
      )}
    </section>
  );
}

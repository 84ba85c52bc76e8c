/**
 * The assessment report on the Assessment tab: where it stands in sign-off, a preview in the
 * app's viewer, the PDF and Word downloads, signing it off (refused by the core with the
 * reasons while something is missing) and, once signed, corrections as addenda.
 */
import { useState, type FormEvent } from 'react';
import type { AssessmentView } from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { call, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { TextAreaField } from '../cases/case-page/fields';
import { ReportPreview } from '../consultations/ReportPreview';
import { ReportDownloads } from '../reports/ReportDownloads';
import { loadAssessment } from './assessment-actions';
import styles from './AssessmentTab.module.css';

const NAME = 'assessment report';

/** Changes whenever what the report prints changes (an edit, a sign-off, an addendum). */
function revision(a: AssessmentView): string {
  return `${a.id}.${a.version}.${a.signoff.signedVersions.length}.${a.signoff.addenda.length}`;
}

function AddendumForm({ a, onDone }: { a: AssessmentView; onDone: (message: string) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    if (!text.trim()) return setError('Write the correction or addition.');
    setBusy(true);
    try {
      await call('assessment:addAddendum', { assessmentId: a.id, text: text.trim() });
      setText('');
      setError(null);
      await loadAssessment(a.caseId, true);
      onDone('Addendum added. Reports from now on include it.');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="inline-form" aria-label="Add an addendum to the assessment report">
      <TextAreaField
        id={`assessment-addendum-${a.id}`}
        label="Addendum"
        hint="A correction or addition to the signed report. The signed text itself never changes."
        value={text}
        onValueChange={setText}
        error={error}
        rows={3}
        onSubmitShortcut={submit}
      />
      <button type="submit" className="button button--small" aria-disabled={busy || undefined}>
        Add addendum
      </button>
    </form>
  );
}

export function AssessmentReport({ assessment: a, canWrite }: { assessment: AssessmentView; canWrite: boolean }) {
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const last = a.signoff.signedVersions.at(-1);
  const canSign = canWrite && (!a.signoff.locked || a.signoff.canSignAgain);

  async function signOff() {
    if (busy) return;
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const state = await call('assessment:signOff', { assessmentId: a.id, expectedVersion: a.version });
      await loadAssessment(a.caseId, true);
      setMessage(
        `Report signed off (version ${state.signedVersions.at(-1)?.signedVersion ?? 1}). The assessment can no longer be edited: corrections are addenda.`,
      );
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="assessment-report-heading" className={styles.section}>
      <h4 id="assessment-report-heading">Assessment report</h4>
      <p>
        {last
          ? `Signed off, version ${last.signedVersion}, by ${last.signedByName} on ${formatDateTime(last.signedAt)}.`
          : 'Draft: not signed off.'}
        {a.signoff.addenda.length > 0 &&
          ` ${a.signoff.addenda.length} ${a.signoff.addenda.length === 1 ? 'addendum' : 'addenda'} added since.`}
      </p>
      <ReportPreview caseId={a.caseId} kind="assessment" name={NAME} revision={revision(a)} />
      <ReportDownloads kind="assessment" name={NAME} />
      <p role="status">{message}</p>
      <FormError id={`assessment-sign-${a.id}-error`}>{error}</FormError>
      {canSign && (
        <button
          type="button"
          className="button"
          onClick={() => void signOff()}
          aria-disabled={busy || undefined}
          aria-describedby={error ? `assessment-sign-${a.id}-error` : undefined}
        >
          {busy ? 'Signing…' : a.signoff.locked ? 'Sign off again with the addenda' : 'Sign off the report'}
        </button>
      )}
      {canWrite && a.signoff.locked && <AddendumForm a={a} onDone={setMessage} />}
    </section>
  );
}

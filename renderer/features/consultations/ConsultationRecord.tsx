/**
 * One consultation on the Consultation tab: what was recorded, where it stands in sign-off,
 * what can be done next (edit while a draft; sign off; add an addendum once signed) and its
 * report.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ConsultationView } from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { errorMessage } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/dates';
import { TextAreaField } from '../cases/case-page/fields';
import { SummaryList } from '../cases/case-page/SummaryList';
import { ConsultationReportPart } from './ConsultationReportPart';
import { addAddendum, signConsultation } from './consultations-actions';
import { MEETING_MODE_LABELS, POLICE_LABELS, SUITABILITY_LABELS } from './labels';
import styles from './Consultations.module.css';

function SignOff({ c, onDone }: { c: ConsultationView; onDone: (message: string) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const again = c.signoff.locked;

  async function sign() {
    if (busy) return;
    setBusy(true);
    try {
      const signed = await signConsultation(c);
      const v = signed.signoff.signedVersions.at(-1);
      onDone(`Report signed off (version ${v?.signedVersion ?? 1}). The consultation can no longer be edited.`);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  }

  if (!confirming) {
    return (
      <>
        <FormError id={`sign-${c.id}-error`}>{error}</FormError>
        <button type="button" className="button button--small" onClick={() => setConfirming(true)}>
          {again ? 'Sign off again with the addenda' : 'Sign off the report'}
        </button>
      </>
    );
  }
  return (
    <div className={styles.confirm} role="group" aria-labelledby={`sign-${c.id}-question`}>
      <p id={`sign-${c.id}-question`}>
        Sign off this consultation report as {again ? 'a new version' : 'final'}? Once signed it cannot be edited:
        corrections are added as addenda.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          onClick={sign}
          aria-disabled={busy || undefined}
          autoFocus
        >
          {busy ? 'Signing…' : 'Yes, sign off'}
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}

function AddendumForm({ c, onDone }: { c: ConsultationView; onDone: (message: string | null) => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ref = useRef<HTMLTextAreaElement>(null);
  // Opened from its button: the keyboard user lands in the field.
  useEffect(() => ref.current?.focus(), []);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    if (!text.trim()) {
      setError('Write the correction or addition.');
      ref.current?.focus();
      return;
    }
    setBusy(true);
    try {
      await addAddendum(c.id, text.trim());
      onDone('Addendum added. Reports from now on include it.');
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <form noValidate onSubmit={submit} className="inline-form" aria-label="Add an addendum">
      <TextAreaField
        id={`addendum-${c.id}`}
        label="Addendum"
        hint="A correction or addition to the signed report. The signed text itself never changes."
        value={text}
        onValueChange={setText}
        error={error}
        rows={3}
        textAreaRef={ref}
        onSubmitShortcut={submit}
      />
      <div className="button-row">
        <button type="submit" className="button button--small" aria-disabled={busy || undefined}>
          Add addendum
        </button>
        <button type="button" className="button button--secondary button--small" onClick={() => onDone(null)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

export function ConsultationRecord(props: {
  c: ConsultationView;
  canWrite: boolean;
  onEdit: () => void;
  onMessage: (message: string) => void;
}) {
  const { c, canWrite, onEdit, onMessage } = props;
  const [adding, setAdding] = useState(false);
  const last = c.signoff.signedVersions.at(-1);
  const headingId = `consultation-${c.id}-heading`;
  return (
    <article className={`record ${styles.consultation}`} aria-labelledby={headingId} data-testid="consultation">
      <h4 id={headingId} className={styles.recordTitle}>
        Consultation on {formatDate(c.meetingDate)}
        <span className={last ? 'tag' : 'tag tag--grey'}>
          {last ? `Signed off, version ${last.signedVersion}` : 'Draft: not signed off'}
        </span>
      </h4>
      <SummaryList
        label={`Consultation on ${formatDate(c.meetingDate)}`}
        rows={[
          ['Meeting held', MEETING_MODE_LABELS[c.meetingMode]],
          [
            'Who attended',
            c.attendees.map((a) => (a.agency ? `${a.name}, ${a.agency}` : a.name)).join('; ') || 'None recorded',
          ],
          ['Documents read', c.documents.map((d) => d.title).join('; ') || 'None recorded'],
          ['Police investigation active', POLICE_LABELS[c.policeInvestigation]],
          [
            'Reason for the consultation',
            <span key="reason" className={styles.longText}>
              {c.reason}
            </span>,
          ],
          [
            'The network’s questions',
            <span key="questions" className={styles.longText}>
              {c.networkQuestions}
            </span>,
          ],
          [
            'Discussion',
            <span key="discussion" className={styles.longText}>
              {c.discussion}
            </span>,
          ],
          [
            'Recommendations on case management',
            <span key="recommendations" className={styles.longText}>
              {c.recommendations}
            </span>,
          ],
          [
            'Suitability',
            c.suitabilityReason
              ? `${SUITABILITY_LABELS[c.suitability]}: ${c.suitabilityReason}`
              : SUITABILITY_LABELS[c.suitability],
          ],
          ['Recorded by', `${c.createdByName} on ${formatDateTime(c.createdAt)}`],
        ]}
      />
      {c.signoff.signedVersions.length > 0 && (
        <>
          <h5>Signed versions</h5>
          <ul className={styles.plainList}>
            {c.signoff.signedVersions.map((v) => (
              <li key={v.signedVersion}>
                Version {v.signedVersion}: signed off by {v.signedByName} on {formatDateTime(v.signedAt)}
              </li>
            ))}
          </ul>
        </>
      )}
      {c.signoff.addenda.length > 0 && (
        <>
          <h5>Addenda</h5>
          <ul className={styles.plainList}>
            {c.signoff.addenda.map((a) => (
              <li key={a.id}>
                <p className={styles.addendumText}>{a.text}</p>
                <p className={styles.recordMeta}>
                  {a.writtenByName}, {formatDateTime(a.writtenAt)}
                </p>
              </li>
            ))}
          </ul>
        </>
      )}
      <ConsultationReportPart c={c} />
      {canWrite && (
        <div className="button-row">
          {!c.signoff.locked && (
            <button type="button" className="button button--secondary button--small" onClick={onEdit}>
              Edit<span className="visually-hidden"> the consultation on {formatDate(c.meetingDate)}</span>
            </button>
          )}
          {(!c.signoff.locked || c.signoff.canSignAgain) && <SignOff c={c} onDone={onMessage} />}
          {c.signoff.locked && !adding && (
            <button type="button" className="button button--secondary button--small" onClick={() => setAdding(true)}>
              Add an addendum
            </button>
          )}
        </div>
      )}
      {adding && (
        <AddendumForm
          c={c}
          onDone={(message) => {
            setAdding(false);
            if (message) onMessage(message);
          }}
        />
      )}
    </article>
  );
}

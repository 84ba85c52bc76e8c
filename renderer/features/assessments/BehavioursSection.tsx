import { useRef, useState } from 'react';
import {
  BROOK_COLOUR_LABELS,
  HACKETT_LABELS,
  type AssessmentView,
  type BehaviourView,
} from '../../../preload/contract';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { ConfirmDialog } from '../cases/case-page/ConfirmDialog';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { removeBehaviour } from './assessment-actions';
import { BehaviourForm } from './BehaviourForm';
import styles from './AssessmentTab.module.css';

function BehaviourRecord({ b }: { b: BehaviourView }) {
  return (
    <>
      <p className={styles.recordHead}>
        <strong>{formatDate(b.occurredOn)}</strong>, {b.setting}: {HACKETT_LABELS[b.hackett]}
        {b.brookVersion && b.brookColour && (
          <span className="tag tag--grey">
            Brook {b.brookVersion}, {b.brookBand}: {BROOK_COLOUR_LABELS[b.brookColour]}
          </span>
        )}
        {b.thirdParty && <span className="tag tag--third-party">Third party</span>}
      </p>
      <p>{b.description}</p>
      {b.harmed && <p>Harmed: {b.harmed}</p>}
    </>
  );
}

/**
 * The harmful sexual behaviour: each behaviour or incident, oldest first, each with change and
 * remove (asked first) while the assessment is open and not signed off, and a form to add one.
 */
export function BehavioursSection({ assessment, canWrite }: { assessment: AssessmentView; canWrite: boolean }) {
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<BehaviourView | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const editable = canWrite && assessment.state === 'open';

  function announce(text: string, ok = true) {
    setMessage({ text, ok });
    focusLater(() => messageRef.current);
  }

  function stopEditing(id: string) {
    setEditingId(null);
    focusLater(() => document.getElementById(`behaviour-edit-${id}`));
  }

  async function confirmRemove() {
    const b = removing;
    setRemoving(null);
    if (!b) return;
    try {
      await removeBehaviour(b.id, b.version);
      announce(`Behaviour of ${formatDate(b.occurredOn)} removed.`);
    } catch (err) {
      announce(errorMessage(err), false);
    }
  }

  return (
    <section aria-labelledby="behaviours-heading" className={styles.section}>
      <h4 id="behaviours-heading">The harmful sexual behaviour</h4>
      <div
        role="status"
        ref={messageRef}
        tabIndex={-1}
        className={message ? `result ${message.ok ? 'result--ok' : 'result--problem'}` : 'visually-hidden'}
      >
        {message?.text}
      </div>
      {assessment.behaviours.length === 0 ? (
        <p className="muted">No behaviours recorded yet.</p>
      ) : (
        <ul className={styles.records}>
          {assessment.behaviours.map((b) => (
            <li key={b.id} className={styles.record}>
              {editable && editingId === b.id ? (
                <BehaviourForm
                  editing={b}
                  onAdded={(text) => {
                    setEditingId(null);
                    announce(text);
                  }}
                  onCancel={() => stopEditing(b.id)}
                />
              ) : (
                <>
                  <BehaviourRecord b={b} />
                  {editable && editingId === null && (
                    <div className={styles.actions}>
                      <button
                        type="button"
                        id={`behaviour-edit-${b.id}`}
                        className="button button--secondary button--small"
                        aria-label={`Change the behaviour of ${formatDate(b.occurredOn)}`}
                        onClick={() => setEditingId(b.id)}
                      >
                        Change
                      </button>
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        aria-label={`Remove the behaviour of ${formatDate(b.occurredOn)}`}
                        onClick={() => setRemoving(b)}
                      >
                        Remove
                      </button>
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && editingId === null && <BehaviourForm onAdded={(text) => announce(text)} />}
      <ConfirmDialog
        open={removing !== null}
        title="Remove this behaviour?"
        confirmLabel="Remove behaviour"
        warning
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(null)}
      >
        {removing && (
          <p>
            The behaviour of {formatDate(removing.occurredOn)} ({removing.setting}) will be removed from the assessment
            and its report. Only remove a behaviour recorded in error: the access log keeps a record that it was
            removed.
          </p>
        )}
      </ConfirmDialog>
    </section>
  );
}

import { useRef, useState } from 'react';
import type { AdministrationView } from '../../../preload/contract';
import { useSessionStore } from '../../stores/session';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { AdministrationCard, correctButtonId } from './AdministrationCard';
import { CorrectAdministrationForm } from './CorrectAdministrationForm';
import { usePsychometricsStore } from './psychometrics-store';
import { RecordAdministrationForm } from './RecordAdministrationForm';
import { RemoveAdministrationDialog } from './RemoveAdministrationDialog';
import styles from './PsychometricsTab.module.css';

/**
 * The case's psychometric administrations, newest first, each score with its band in words
 * (the bands as they were when it was administered); the form to record another; and, for
 * those who may write, correcting one in place of its card or removing one entered in error.
 */
export function PsychometricsTab() {
  const administrations = usePsychometricsStore((s) => s.administrations);
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  const [message, setMessage] = useState<string | null>(null);
  const [correcting, setCorrecting] = useState<string | null>(null);
  const [removing, setRemoving] = useState<AdministrationView | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  function announce(text: string) {
    setMessage(text);
    focusLater(() => messageRef.current);
  }

  function stopCorrecting(id: string) {
    setCorrecting(null);
    focusLater(() => document.getElementById(correctButtonId(id)));
  }

  return (
    <div className="tab-body">
      <h3>Psychometrics</h3>
      <p className="muted">
        Questionnaire results of the assessment. Each band is the one in force when the questionnaire was scored.
      </p>
      <div role="status" ref={messageRef} tabIndex={-1} className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      {!administrations && <p>Loading psychometrics…</p>}
      {administrations && administrations.length === 0 && <p className="muted">No questionnaires recorded yet.</p>}
      {administrations && administrations.length > 0 && (
        <ul className={styles.list} aria-label="Questionnaires administered, newest first">
          {administrations.map((a) => (
            <li key={a.id} className={styles.card}>
              {correcting === a.id ? (
                <CorrectAdministrationForm
                  a={a}
                  onSaved={(text) => {
                    setCorrecting(null);
                    announce(text);
                  }}
                  onCancel={() => stopCorrecting(a.id)}
                />
              ) : (
                <AdministrationCard
                  a={a}
                  onCorrect={canWrite ? () => setCorrecting(a.id) : null}
                  onRemove={canWrite ? () => setRemoving(a) : null}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && <RecordAdministrationForm onRecorded={announce} />}
      <RemoveAdministrationDialog
        a={removing}
        onRemoved={(text) => {
          setRemoving(null);
          announce(text);
        }}
        onCancel={() => setRemoving(null)}
      />
    </div>
  );
}

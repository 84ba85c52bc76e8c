import { useRef, useState } from 'react';
import { RESPONDENT_LABELS, type AdministrationView } from '../../../preload/contract';
import { formatScore } from '../../../preload/contract/psychometric-bands';
import { formatDate } from '../../lib/dates';
import { useSessionStore } from '../../stores/session';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { bandPosition } from './band-text';
import { usePsychometricsStore } from './psychometrics-store';
import { RecordAdministrationForm } from './RecordAdministrationForm';
import styles from './PsychometricsTab.module.css';

function AdministrationCard({ a }: { a: AdministrationView }) {
  const headingId = `psychometric-${a.id}`;
  const scored = a.scores.filter((s) => s.score !== null);
  return (
    <li className={styles.card}>
      <article aria-labelledby={headingId}>
        <h4 id={headingId} className={styles.cardHeading}>
          {formatDate(a.administeredOn)}: {a.instrumentName} ({RESPONDENT_LABELS[a.respondentType]})
        </h4>
        <p className={`muted ${styles.meta}`}>
          {a.instrumentVersion && `Version ${a.instrumentVersion}. `}Answered by {a.respondentLabel}. Administered by{' '}
          {a.administeredByName}.
        </p>
        <table className={styles.scores}>
          <caption className="visually-hidden">
            Scores of {a.instrumentName} on {formatDate(a.administeredOn)}
          </caption>
          <thead>
            <tr>
              <th scope="col">Scale</th>
              <th scope="col">Score</th>
              <th scope="col">Band</th>
            </tr>
          </thead>
          <tbody>
            {scored.map((s) => (
              <tr key={s.scaleKey}>
                <th scope="row">{s.scaleName}</th>
                <td>
                  <span className={styles.cellLabel}>Score: </span>
                  {formatScore(s.score as number)}
                  <span className={`muted ${styles.range}`}>
                    {' '}
                    ({formatScore(s.min)}–{formatScore(s.max)})
                  </span>
                </td>
                <td>
                  <span className={styles.cellLabel}>Band: </span>
                  {s.band && s.bandIndex !== null ? (
                    <span className={styles.band}>
                      {s.band.label}{' '}
                      <span className={`muted ${styles.bandPosition}`}>({bandPosition(s.bandIndex, s.bandCount)})</span>
                    </span>
                  ) : (
                    <span className="muted">No bands set</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {scored.length < a.scores.length && (
          <p className="muted">
            Not scored:{' '}
            {a.scores
              .filter((s) => s.score === null)
              .map((s) => s.scaleName)
              .join(', ')}
            .
          </p>
        )}
        {a.notes && <p>{a.notes}</p>}
      </article>
    </li>
  );
}

/**
 * The case's psychometric administrations, newest first, each score with its band in words
 * (the bands as they were when it was administered); and the form to record another.
 */
export function PsychometricsTab() {
  const administrations = usePsychometricsStore((s) => s.administrations);
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  function announce(text: string) {
    setMessage(text);
    focusLater(() => messageRef.current);
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
            <AdministrationCard key={a.id} a={a} />
          ))}
        </ul>
      )}
      {canWrite && <RecordAdministrationForm onRecorded={announce} />}
    </div>
  );
}

import { useRef, useState } from 'react';
import { BROOK_COLOUR_LABELS, HACKETT_LABELS, type AssessmentView } from '../../../preload/contract';
import { formatDate } from '../../lib/dates';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { BehaviourForm } from './BehaviourForm';
import styles from './AssessmentTab.module.css';

/** The harmful sexual behaviour: each behaviour or incident, oldest first, and a form to add one. */
export function BehavioursSection({ assessment, canWrite }: { assessment: AssessmentView; canWrite: boolean }) {
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  return (
    <section aria-labelledby="behaviours-heading" className={styles.section}>
      <h4 id="behaviours-heading">The harmful sexual behaviour</h4>
      <div role="status" ref={messageRef} tabIndex={-1} className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      {assessment.behaviours.length === 0 ? (
        <p className="muted">No behaviours recorded yet.</p>
      ) : (
        <ul className={styles.records}>
          {assessment.behaviours.map((b) => (
            <li key={b.id} className={styles.record}>
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
            </li>
          ))}
        </ul>
      )}
      {canWrite && assessment.state === 'open' && (
        <BehaviourForm
          onAdded={(text) => {
            setMessage(text);
            focusLater(() => messageRef.current);
          }}
        />
      )}
    </section>
  );
}

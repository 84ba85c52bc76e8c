import { useRef, useState } from 'react';
import type { AgreementDetail, SessionView } from '../../../preload/contract';
import { formatDate } from '../../lib/dates';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { RemoveSessionDialog } from './RemoveSessionDialog';
import { SessionForm } from './SessionForm';
import styles from './Consultations.module.css';

const editButtonId = (id: string) => `edit-session-button-${id}`;

/** One session as listed; with edit and remove buttons that name its date for those who may write. */
function SessionCard(props: { s: SessionView; onEdit: (() => void) | null; onRemove: (() => void) | null }) {
  const { s, onEdit, onRemove } = props;
  const which = <span className="visually-hidden"> the session of {formatDate(s.sessionDate)}</span>;
  return (
    <>
      <h4 className={styles.recordTitle}>Session on {formatDate(s.sessionDate)}</h4>
      {s.attendees && <p className={styles.recordMeta}>Attended: {s.attendees}</p>}
      {s.discussedCases.length > 0 && (
        <p className={styles.longText}>Cases discussed: {s.discussedCases.map((d) => d.label).join(', ')}</p>
      )}
      {s.themes && <p className={styles.longText}>Themes: {s.themes}</p>}
      {s.advice && <p className={styles.longText}>Advice given: {s.advice}</p>}
      {(onEdit || onRemove) && (
        <div className="button-row button-row--tight">
          {onEdit && (
            <button
              type="button"
              id={editButtonId(s.id)}
              className="button button--secondary button--small"
              onClick={onEdit}
            >
              Edit{which}
            </button>
          )}
          {onRemove && (
            <button type="button" className="link-button link-button--danger" onClick={onRemove}>
              Remove{which}
            </button>
          )}
        </div>
      )}
    </>
  );
}

/**
 * One agreement's page: its terms, the form to record a session, and its sessions, newest first,
 * each editable in place or removable (with a reason) by those who may write.
 */
export function AgreementSessions({ agreement, canWrite }: { agreement: AgreementDetail; canWrite: boolean }) {
  const [recording, setRecording] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [removing, setRemoving] = useState<SessionView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();

  function announce(text: string) {
    setMessage(text);
    focusLater(() => messageRef.current);
  }

  return (
    <section aria-labelledby="agreement-heading" className={styles.agreement} data-testid="agreement-detail">
      <h3 id="agreement-heading" tabIndex={-1}>
        {agreement.organisation}
        {agreement.team ? `: ${agreement.team}` : ''}
      </h3>
      <p className="muted">
        {agreement.frequency}, from {formatDate(agreement.startDate)}
        {agreement.endDate ? ` to ${formatDate(agreement.endDate)}` : ''}.{' '}
        {agreement.contact ? `Contact: ${agreement.contact}.` : ''}
      </p>
      <div role="status" ref={messageRef} tabIndex={-1} className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      {canWrite && !recording && editing === null && (
        <button type="button" className="button button--secondary" onClick={() => setRecording(true)}>
          Record a session
        </button>
      )}
      {recording && (
        <SessionForm
          agreementId={agreement.id}
          onDone={(m) => {
            setRecording(false);
            if (m) setMessage(m);
          }}
        />
      )}
      {agreement.sessions.length === 0 ? (
        <p className="muted">No sessions yet.</p>
      ) : (
        <ul className={styles.plainList}>
          {agreement.sessions.map((s) => (
            <li key={s.id} className={styles.record}>
              {editing === s.id ? (
                <SessionForm
                  agreementId={agreement.id}
                  session={s}
                  onDone={(m) => {
                    setEditing(null);
                    if (m) announce(m);
                    else focusLater(() => document.getElementById(editButtonId(s.id)));
                  }}
                />
              ) : (
                <SessionCard
                  s={s}
                  onEdit={canWrite && !recording && editing === null ? () => setEditing(s.id) : null}
                  onRemove={canWrite && !recording && editing === null ? () => setRemoving(s) : null}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <RemoveSessionDialog
        session={removing}
        onRemoved={(text) => {
          setRemoving(null);
          announce(text);
        }}
        onCancel={() => setRemoving(null)}
      />
    </section>
  );
}

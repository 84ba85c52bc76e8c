/**
 * Ongoing consultations with teams and organisations: the agreements with their next session,
 * the form to add an agreement, and the agreement opened (`AgreementSessions`).
 */
import { useRef, useState } from 'react';
import { Pager } from '../../components/Pager';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { useSessionStore } from '../../stores/session';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { AgreementForm } from './AgreementForm';
import { AgreementSessions } from './AgreementSessions';
import { openAgreement, pageAgreements } from './consultations-actions';
import { useConsultationsStore } from './consultations-store';
import styles from './Consultations.module.css';

export function AgreementsSection() {
  const page = useConsultationsStore((s) => s.agreements);
  const open = useConsultationsStore((s) => s.agreement);
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  const [adding, setAdding] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  if (!page) return null;

  function show(id: string) {
    setError(null);
    openAgreement(id)
      .then(() => focusLater(() => document.getElementById('agreement-heading')))
      .catch((err: unknown) => setError(errorMessage(err)));
  }

  return (
    <section aria-labelledby="agreements-heading" className="section">
      <h2 id="agreements-heading">Ongoing consultations with teams</h2>
      <div role="status" ref={messageRef} tabIndex={-1} className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      {error && <p className="form-error">{error}</p>}
      {page.total === 0 ? (
        <p className="empty-state">No agreements yet.</p>
      ) : (
        <div className={styles.tableWrap} role="region" aria-label="Agreements table" tabIndex={0}>
          <table className="table" data-testid="agreements-table">
            <caption className="visually-hidden">Agreements by organisation, with the next session</caption>
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">How often</th>
                <th scope="col">Next session</th>
                <th scope="col">Sessions</th>
              </tr>
            </thead>
            <tbody>
              {page.items.map((a) => (
                <tr key={a.id}>
                  <td>
                    <button type="button" className={`link-button ${styles.rowLink}`} onClick={() => show(a.id)}>
                      {a.organisation}
                      {a.team ? `: ${a.team}` : ''}
                    </button>
                  </td>
                  <td>{a.frequency}</td>
                  <td>{a.nextSessionDate ? formatDate(a.nextSessionDate) : 'None planned'}</td>
                  <td>{a.sessionCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager
        label="Agreement pages"
        offset={page.offset}
        limit={page.limit}
        total={page.total}
        onOffset={(o) => void pageAgreements(o)}
      />
      {canWrite && !adding && (
        <button type="button" className="button button--secondary" onClick={() => setAdding(true)}>
          Add an agreement
        </button>
      )}
      {adding && (
        <AgreementForm
          onDone={(m) => {
            setAdding(false);
            if (!m) return;
            setMessage(m);
            focusLater(() => messageRef.current);
          }}
        />
      )}
      {open && <AgreementSessions key={open.id} agreement={open} canWrite={canWrite} />}
    </section>
  );
}

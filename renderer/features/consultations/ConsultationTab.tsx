/**
 * The case page's Consultation tab: what a consultation is (and is not), the case's
 * consultations newest first, recording and editing them, sign-off and addenda, and each
 * consultation's report (previewed here, or saved as PDF or Word; see ConsultationReportPart).
 */
import { useRef, useState } from 'react';
import { CONSULTATION_STATEMENT } from '../../../preload/contract';
import { useCasePageStore } from '../../stores/case-page';
import { useSessionStore } from '../../stores/session';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { ConsultationForm } from './ConsultationForm';
import { ConsultationRecord } from './ConsultationRecord';
import { useConsultationsStore } from './consultations-store';
import styles from './Consultations.module.css';

export function ConsultationTab() {
  const caseId = useCasePageStore((s) => s.caseId);
  const people = useCasePageStore((s) => s.detail?.people) ?? [];
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  const loadedFor = useConsultationsStore((s) => s.caseId);
  const consultations = useConsultationsStore((s) => s.consultations);
  const documents = useConsultationsStore((s) => s.documents) ?? [];
  // null: no form; 'new'; or the id of the consultation being edited.
  const [form, setForm] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  if (!caseId) return null;
  const mine = loadedFor === caseId ? consultations : null;

  function announce(text: string | null) {
    setForm(null);
    if (!text) return;
    setMessage(text);
    focusLater(() => messageRef.current);
  }

  const editing = mine?.find((c) => c.id === form) ?? null;
  return (
    <div className="tab-body">
      <h3>Consultation</h3>
      <p className={`notice ${styles.statement}`} data-testid="consultation-statement">
        {CONSULTATION_STATEMENT}
      </p>
      <div role="status" ref={messageRef} tabIndex={-1} className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      {mine === null ? (
        <p role="status">Loading the consultations…</p>
      ) : (
        <>
          {canWrite && form === null && (
            <button type="button" className="button" onClick={() => setForm('new')}>
              Record a consultation
            </button>
          )}
          {form !== null && (
            <ConsultationForm
              key={form}
              caseId={caseId}
              editing={editing}
              people={people}
              documents={documents}
              onDone={announce}
            />
          )}
          {mine.length === 0 ? (
            <p className="muted">No consultation has been recorded for this case.</p>
          ) : (
            <div className={styles.records}>
              {mine.map((c) => (
                <ConsultationRecord
                  key={c.id}
                  c={c}
                  canWrite={canWrite}
                  onEdit={() => setForm(c.id)}
                  onMessage={(m) => announce(m)}
                />
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}

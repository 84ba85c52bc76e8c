/**
 * The Consultations area: every case's consultations (case, date, suitability, signed), paged,
 * and the ongoing consultations with teams and organisations, each with its next session.
 */
import { useEffect, useState } from 'react';
import { CONSULTATION_STATEMENT } from '../../../preload/contract';
import { Pager } from '../../components/Pager';
import { errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import { openCase } from '../../stores/cases';
import { useCasePageStore } from '../../stores/case-page';
import { goToArea } from '../../stores/shell';
import { AgreementsSection } from './AgreementsSection';
import { loadConsultationsArea, pageConsultations } from './consultations-actions';
import { useConsultationsStore } from './consultations-store';
import { SUITABILITY_LABELS } from './labels';
import styles from './Consultations.module.css';

/** Open the case at its Consultation tab (the case page keeps the tab of the case it opens). */
function showConsultation(caseId: string): void {
  useCasePageStore.setState({ caseId, tab: 'consultation' });
  goToArea('cases');
  openCase(caseId);
}

function CaseConsultations() {
  const page = useConsultationsStore((s) => s.all);
  if (!page) return null;
  return (
    <section aria-labelledby="case-consultations-heading" className="section">
      <h2 id="case-consultations-heading">Consultations with a child’s network</h2>
      {page.total === 0 ? (
        <p className="empty-state">No consultations yet. Record one from a case’s Consultation tab.</p>
      ) : (
        <>
          <div className={styles.tableWrap} role="region" aria-label="Consultations table" tabIndex={0}>
            <table className="table" data-testid="consultations-table">
              <caption className="visually-hidden">Consultations, most recent meeting first</caption>
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">Young person</th>
                  <th scope="col">Meeting</th>
                  <th scope="col">Suitability</th>
                  <th scope="col">Report</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <a
                        href={`#case-${c.caseReference}`}
                        onClick={(e) => {
                          e.preventDefault();
                          showConsultation(c.caseId);
                        }}
                      >
                        {c.caseReference}
                      </a>
                    </td>
                    <td>{c.youngPersonName}</td>
                    <td>{formatDate(c.meetingDate)}</td>
                    <td>{SUITABILITY_LABELS[c.suitability]}</td>
                    <td>
                      {c.signed ? (
                        <span className="tag">Signed off</span>
                      ) : (
                        <span className="tag tag--grey">Draft</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            label="Consultation pages"
            offset={page.offset}
            limit={page.limit}
            total={page.total}
            moreThan={page.moreThan}
            onOffset={(o) => void pageConsultations(o)}
          />
        </>
      )}
    </section>
  );
}

export function ConsultationsArea() {
  const [error, setError] = useState<string | null>(null);
  const loaded = useConsultationsStore((s) => s.all !== null && s.agreements !== null);
  useEffect(() => {
    loadConsultationsArea().catch((err: unknown) => setError(errorMessage(err)));
  }, []);
  return (
    <div className={styles.area}>
      <p className="lead">{CONSULTATION_STATEMENT}</p>
      {error && <p className="form-error">{error}</p>}
      {!loaded && !error && <p role="status">Loading consultations…</p>}
      {loaded && (
        <>
          <CaseConsultations />
          <AgreementsSection />
        </>
      )}
    </div>
  );
}

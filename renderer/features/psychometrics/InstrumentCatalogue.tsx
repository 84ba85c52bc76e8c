import { useEffect, useRef, useState } from 'react';
import { RESPONDENT_LABELS, type InstrumentView } from '../../../preload/contract';
import { call, errorMessage } from '../../lib/api';
import { InstrumentEditor } from './InstrumentEditor';
import styles from './InstrumentCatalogue.module.css';

function bandsSummary(i: InstrumentView): string {
  const banded = i.scales.filter((s) => s.bands.length > 0).length;
  if (banded === 0) return 'None yet';
  return banded === i.scales.length ? 'All scales' : `${banded} of ${i.scales.length} scales`;
}

/**
 * The psychometric instrument catalogue, in the Administration area: names, respondents, scales
 * with their ranges and clinical bands. Seeded with public bands only; an administrator fills in
 * the cut-offs the service uses.
 */
export function InstrumentCatalogue() {
  const [instruments, setInstruments] = useState<InstrumentView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [editing, setEditing] = useState<InstrumentView | 'new' | null>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);

  const load = () =>
    call('psychometrics:listInstruments', { includeRetired: false })
      .then(setInstruments)
      .catch((err: unknown) => setError(errorMessage(err)));
  useEffect(() => {
    void load();
  }, []);

  function saved(_i: InstrumentView, text: string) {
    setEditing(null);
    setStatus(text);
    void load();
    requestAnimationFrame(() => statusRef.current?.focus());
  }

  return (
    <section aria-labelledby="instruments-heading" className="section">
      <h2 id="instruments-heading">Psychometric instruments</h2>
      <p>
        The questionnaires clinicians record, with each scale’s range and clinical bands. Enter names and published
        scoring bands only, never questionnaire items. A change applies to new results: past results keep the bands they
        were scored with.
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!instruments && !error && <p>Loading the catalogue…</p>}
      {instruments && (
        <div className={styles.tableWrap}>
          <table className={`table ${styles.catalogueTable}`}>
            <caption className="visually-hidden">Psychometric instruments</caption>
            <thead>
              <tr>
                <th scope="col">Instrument</th>
                <th scope="col">Respondent</th>
                <th scope="col">Scales</th>
                <th scope="col">Bands set</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {instruments.map((i) => (
                <tr key={i.id}>
                  <th scope="row">
                    {i.name}
                    {i.version && <span className="muted"> ({i.version})</span>}
                  </th>
                  <td>
                    <span className={styles.cellLabel}>Respondent: </span>
                    {RESPONDENT_LABELS[i.respondent]}
                  </td>
                  <td>
                    <span className={styles.cellLabel}>Scales: </span>
                    {i.scales.length}
                  </td>
                  <td>
                    <span className={styles.cellLabel}>Bands set: </span>
                    {bandsSummary(i)}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      onClick={() => setEditing(i)}
                    >
                      Edit
                      <span className="visually-hidden">
                        {' '}
                        {i.name} ({RESPONDENT_LABELS[i.respondent]})
                      </span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p role="status" ref={statusRef} tabIndex={-1}>
        {status}
      </p>
      {editing === null && (
        <button type="button" className="button" onClick={() => setEditing('new')}>
          Add an instrument
        </button>
      )}
      {editing !== null && (
        <InstrumentEditor
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? null : editing}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
    </section>
  );
}

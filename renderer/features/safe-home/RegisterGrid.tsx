/**
 * The register grid: a table of carers (rows) by sessions (columns), each cell a button showing
 * the state as a mark and a colour with the full words for screen readers. Tab reaches every
 * cell; the arrow keys, Home and End also move between cells. Choosing a cell opens that
 * session's register at the carer's row.
 */
import { useRef, type KeyboardEvent } from 'react';
import {
  REGISTER_STATE_LABELS,
  REGISTER_STATE_MARKS,
  REGISTER_STATES,
  type RunView,
} from '../../../preload/contract/safe-home';
import { cellsBySession, cellStatus, GRID_KEYS, moveInGrid, sessionHeading, type GridKey } from './register-grid';
import styles from './RegisterGrid.module.css';

const STATE_CLASS: Record<string, string | undefined> = {
  attended: styles.attended,
  apologies: styles.apologies,
  did_not_attend: styles.didNotAttend,
  withdrawn: styles.withdrawn,
};

export function RegisterGrid({
  run,
  onChoose,
  canWrite,
}: {
  run: RunView;
  onChoose: (sessionId: string, enrolmentId: string) => void;
  canWrite: boolean;
}) {
  const table = useRef<HTMLTableElement>(null);
  const cells = cellsBySession(run.register);
  const size = { rows: run.enrolments.length, cols: run.sessions.length };

  function onKey(e: KeyboardEvent<HTMLButtonElement>, row: number, col: number) {
    if (!GRID_KEYS.includes(e.key)) return;
    e.preventDefault();
    const to = moveInGrid({ row, col }, e.key as GridKey, size);
    table.current?.querySelector<HTMLButtonElement>(`[data-cell="${to.row}-${to.col}"]`)?.focus();
  }

  return (
    <div className={styles.wrap} role="region" aria-label="Register grid" tabIndex={0}>
      <table ref={table} className={`table ${styles.grid}`} data-testid="register-grid">
        <caption className="visually-hidden">
          Register: carers by session. {canWrite ? 'Choose a cell to take or correct that session’s register.' : ''}
        </caption>
        <thead>
          <tr>
            <th scope="col">Carer</th>
            {run.sessions.map((s) => {
              const h = sessionHeading(s);
              return (
                <th scope="col" key={s.id} className={s.kind === 'catch_up' ? styles.catchUp : undefined}>
                  <span aria-hidden="true">{h.short}</span>
                  <span className="visually-hidden">{h.full}</span>
                </th>
              );
            })}
            <th scope="col">Progress</th>
          </tr>
        </thead>
        <tbody>
          {run.enrolments.map((e, row) => (
            <tr key={e.id}>
              <th scope="row" className={styles.carer}>
                {e.carerName}
                <span className={styles.caseRef}>{e.caseReference}</span>
              </th>
              {run.sessions.map((s, col) => {
                const status = cellStatus(s, e, cells.get(s.id)?.get(e.id));
                const h = sessionHeading(s);
                const stateClass = status.kind === 'state' ? STATE_CLASS[status.state] : styles.empty;
                const content = (
                  <>
                    <span aria-hidden="true">{status.mark}</span>
                    <span className="visually-hidden">
                      {`${status.words}${status.kind === 'state' && status.reason ? ` (${status.reason})` : ''}, ${e.carerName}, ${h.full}`}
                    </span>
                  </>
                );
                return (
                  <td key={s.id} className={styles.cell}>
                    {status.kind === 'not_expected' ? null : canWrite ? (
                      <button
                        type="button"
                        className={`${styles.cellButton} ${stateClass ?? ''}`}
                        data-cell={`${row}-${col}`}
                        title={status.words}
                        onKeyDown={(k) => onKey(k, row, col)}
                        onClick={() => onChoose(s.id, e.id)}
                      >
                        {content}
                      </button>
                    ) : (
                      <span className={`${styles.cellMark} ${stateClass ?? ''}`} title={status.words}>
                        {content}
                      </span>
                    )}
                  </td>
                );
              })}
              <td className={styles.progress}>{e.progress.completionWords}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The key to the marks, in words: the grid never relies on colour alone. */
export function RegisterKey() {
  return (
    <ul className={styles.key} aria-label="Key to the register marks">
      {REGISTER_STATES.map((state) => (
        <li key={state}>
          <span className={`${styles.cellMark} ${STATE_CLASS[state] ?? ''}`} aria-hidden="true">
            {REGISTER_STATE_MARKS[state]}
          </span>{' '}
          {REGISTER_STATE_LABELS[state]}
        </li>
      ))}
      <li>
        <span className={`${styles.cellMark} ${styles.empty}`} aria-hidden="true">
          –
        </span>{' '}
        Not yet taken
      </li>
    </ul>
  );
}

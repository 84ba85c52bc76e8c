import { useRef, useState } from 'react';
import type { AssessmentView, StageView } from '../../../preload/contract';
import { formatDate } from '../../lib/dates';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { ReopenStageForm } from './ReopenStageForm';
import { StageForm } from './StageForm';
import { TIMING_LABELS, againstDue, stageLabel } from './labels';
import styles from './AssessmentTab.module.css';

/** The column's name inside a cell, shown only when the table becomes one card per row (narrow windows). */
function CellLabel({ children }: { children: string }) {
  // Hidden from screen readers: they announce the column header already.
  return (
    <span className={styles.cellLabel} aria-hidden="true">
      {children}:{' '}
    </span>
  );
}

/** A stage's state in words, with a mark beside it (never colour alone). */
function StageState({ stage }: { stage: StageView }) {
  if (stage.actualDate) {
    return (
      <span className={`${styles.state} ${stage.timing === 'done_late' ? styles.late : styles.done}`}>
        {TIMING_LABELS[stage.timing]}
      </span>
    );
  }
  if (stage.isNext)
    return (
      <span className={`${styles.state} ${styles.next}`}>
        Next{stage.timing === 'past_plan' ? ', past its planned date' : ''}
      </span>
    );
  return <span className={styles.state}>{TIMING_LABELS[stage.timing]}</span>;
}

/**
 * The stages that can be undone: the latest done (every done interview, when the interviews are
 * the latest), as the core's rule has it; once the report is sent, only "report sent".
 */
function undoable(a: AssessmentView): Set<string> {
  const done = a.stages.filter((s) => s.actualDate && s.stage !== 'paperwork_complete');
  const latest = done[done.length - 1];
  if (!latest) return new Set();
  return new Set(done.filter((s) => s.stage === latest.stage).map((s) => s.id));
}

/**
 * The pathway as a table: each stage with its owner, planned and actual dates and how it stands
 * against the due date. The next stage can be marked done; any open stage can be planned; the
 * latest done can be undone (with a reason).
 */
export function StagesSection({ assessment, canWrite }: { assessment: AssessmentView; canWrite: boolean }) {
  const [editing, setEditing] = useState<{ stageId: string; mode: 'done' | 'plan' | 'reopen' } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const focusLater = useFocusLater();
  const open = assessment.state === 'open' && canWrite;
  const canUndo = canWrite ? undoable(assessment) : new Set<string>();
  const actionColumn = open || canUndo.size > 0;
  const editingStage = editing ? assessment.stages.find((s) => s.id === editing.stageId) : undefined;

  function close(text: string | null) {
    const back = editing ? `stage-${editing.mode}-${editing.stageId}` : null;
    setEditing(null);
    if (text) {
      setMessage(text);
      focusLater(() => messageRef.current);
    } else if (back) {
      focusLater(() => document.getElementById(back));
    }
  }

  return (
    <section aria-labelledby="stages-heading" className={styles.section}>
      <h4 id="stages-heading">Stages</h4>
      <div role="status" ref={messageRef} tabIndex={-1} className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      <div className={styles.tableScroll} role="region" aria-label="Stages of the assessment" tabIndex={0}>
        <table className="table">
          <caption className="visually-hidden">Stages of the assessment, in the order they are done</caption>
          <thead>
            <tr>
              <th scope="col">Stage</th>
              <th scope="col">Owner</th>
              <th scope="col">Planned</th>
              <th scope="col">Done</th>
              <th scope="col">Against the due date</th>
              <th scope="col">State</th>
              {actionColumn && <th scope="col">Action</th>}
            </tr>
          </thead>
          <tbody>
            {assessment.stages.map((s) => (
              <tr key={s.id} className={s.actualDate ? 'row--done' : undefined}>
                <th scope="row">{stageLabel(s)}</th>
                <td>
                  <CellLabel>Owner</CellLabel>
                  {s.ownerName ?? <span className="muted">No owner</span>}
                </td>
                <td>
                  <CellLabel>Planned</CellLabel>
                  {s.plannedDate ? formatDate(s.plannedDate) : <span className="muted">Not planned</span>}
                  {s.plannedDate && s.plannedIsDefault && s.stage !== 'paperwork_complete' && (
                    <span className="muted"> (default)</span>
                  )}
                </td>
                <td>
                  <CellLabel>Done</CellLabel>
                  {s.actualDate ? formatDate(s.actualDate) : <span className="muted">Not yet</span>}
                </td>
                <td>
                  {s.daysAgainstDue !== null && <CellLabel>Against the due date</CellLabel>}
                  {againstDue(s.daysAgainstDue)}
                </td>
                <td>
                  <StageState stage={s} />
                </td>
                {actionColumn && (
                  <td className={styles.actions}>
                    {canUndo.has(s.id) && (
                      <button
                        type="button"
                        id={`stage-reopen-${s.id}`}
                        className="button button--secondary button--small"
                        aria-label={`Undo: ${stageLabel(s)}`}
                        onClick={() => setEditing({ stageId: s.id, mode: 'reopen' })}
                      >
                        Undo
                      </button>
                    )}
                    {open && s.stage !== 'paperwork_complete' && !s.actualDate && (
                      <>
                        {s.isNext && (
                          <button
                            type="button"
                            id={`stage-done-${s.id}`}
                            className="button button--small"
                            aria-label={`Mark done: ${stageLabel(s)}`}
                            onClick={() => setEditing({ stageId: s.id, mode: 'done' })}
                          >
                            Mark done
                          </button>
                        )}
                        <button
                          type="button"
                          id={`stage-plan-${s.id}`}
                          className="button button--secondary button--small"
                          aria-label={`Plan: ${stageLabel(s)}`}
                          onClick={() => setEditing({ stageId: s.id, mode: 'plan' })}
                        >
                          Plan
                        </button>
                      </>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing?.mode === 'reopen' && editingStage && (
        <ReopenStageForm key={`${editing.stageId}-reopen`} stage={editingStage} onClose={close} />
      )}
      {editing && editing.mode !== 'reopen' && editingStage && (
        <StageForm
          key={`${editing.stageId}-${editing.mode}`}
          stage={editingStage}
          mode={editing.mode}
          onClose={close}
        />
      )}
    </section>
  );
}

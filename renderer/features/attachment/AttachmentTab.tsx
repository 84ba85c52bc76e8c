import { useRef, useState } from 'react';
import type { ProcedureView } from '../../../preload/contract/attachment';
import { errorMessage } from '../../lib/api';
import { useCasePageStore } from '../../stores/case-page';
import { useSessionStore } from '../../stores/session';
import { ConfirmDialog } from '../cases/case-page/ConfirmDialog';
import { useResumedForm } from '../drafts/drafts-store';
import { useFocusLater } from '../cases/case-page/useFocusLater';
import { openAttachment, removeProcedure } from './attachment-actions';
import { useAttachmentStore } from './attachment-store';
import { FamilyView } from './FamilyView';
import { FormulationForm } from './FormulationForm';
import { ProcedureCard } from './ProcedureCard';
import { ProcedureForm } from './ProcedureForm';
import { RecordingViewer } from './RecordingViewer';
import styles from './AttachmentTab.module.css';

/** The form's state: closed, adding a procedure, or changing one. */
type Editing = { kind: 'closed' } | { kind: 'add' } | { kind: 'edit'; procedure: ProcedureView };

/**
 * The case's attachment (DMM) assessment: the family view at the top, then each procedure in
 * full with the form to add or change one, then the formulation and the strategy summary.
 */
export function AttachmentTab() {
  const attachment = useAttachmentStore((s) => s.attachment);
  const family = useAttachmentStore((s) => s.family);
  const documents = useCasePageStore((s) => s.documents);
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  const caseId = useCasePageStore((s) => s.detail?.id);
  // A resumed draft of a new procedure opens the form, which fills itself from the draft.
  const resumed = useResumedForm(caseId, ['attachment-procedure']) !== null;
  const [editing, setEditing] = useState<Editing>(resumed && canWrite ? { kind: 'add' } : { kind: 'closed' });
  const [removing, setRemoving] = useState<ProcedureView | null>(null);
  const [viewing, setViewing] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const viewerHeading = useRef<HTMLHeadingElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();

  function announce(text: string) {
    setError(null);
    setMessage(text);
    focusLater(() => messageRef.current);
  }

  function startForm(next: Editing) {
    setEditing(next);
    setMessage(null);
    focusLater(() => document.getElementById('procedure-form-heading'));
  }

  async function start() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await openAttachment();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  async function confirmRemove() {
    const p = removing;
    setRemoving(null);
    if (!p) return;
    try {
      await removeProcedure(p.id, p.version);
      if (editing.kind === 'edit' && editing.procedure.id === p.id) setEditing({ kind: 'closed' });
      announce(`The ${p.procedure} of ${p.subjectName} was removed.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  if (attachment === undefined) return <p>Loading the attachment assessment…</p>;
  if (attachment === null) {
    return (
      <div className="tab-body">
        <h3>Attachment</h3>
        <p>No attachment (DMM) assessment has been started for this case.</p>
        {error && (
          <p role="alert" className="result result--problem">
            {error}
          </p>
        )}
        {canWrite && (
          <button type="button" className="button" onClick={() => void start()} aria-disabled={busy || undefined}>
            {busy ? 'Starting…' : 'Start the attachment assessment'}
          </button>
        )}
      </div>
    );
  }
  const shown = documents?.find((d) => d.id === viewing) ?? null;
  return (
    <div className="tab-body">
      <h3>Attachment</h3>
      <div role="status" ref={messageRef} tabIndex={-1} className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      {error && (
        <p role="alert" className="result result--problem">
          {error}
        </p>
      )}
      {family && <FamilyView family={family} />}
      <section aria-labelledby="procedures-heading" className={styles.section}>
        <h4 id="procedures-heading">Procedures</h4>
        {attachment.procedures.length === 0 ? (
          <p className="muted">No procedures recorded yet.</p>
        ) : (
          <ul className={styles.list} aria-label="Procedures, the young person’s first">
            {attachment.procedures.map((p) => (
              <ProcedureCard
                key={p.id}
                p={p}
                canWrite={canWrite}
                onEdit={() => startForm({ kind: 'edit', procedure: p })}
                onRemove={() => setRemoving(p)}
                onView={(id) => {
                  setViewing(id);
                  focusLater(() => viewerHeading.current);
                }}
              />
            ))}
          </ul>
        )}
        {shown && <RecordingViewer doc={shown} headingRef={viewerHeading} onClose={() => setViewing(null)} />}
        {canWrite && editing.kind === 'closed' && (
          <button
            ref={addButton}
            type="button"
            className="button button--secondary"
            onClick={() => startForm({ kind: 'add' })}
          >
            Add a procedure
          </button>
        )}
        {editing.kind !== 'closed' && (
          <ProcedureForm
            key={editing.kind === 'edit' ? editing.procedure.id : 'new'}
            editing={editing.kind === 'edit' ? editing.procedure : null}
            onDone={(saved) => {
              setEditing({ kind: 'closed' });
              if (saved) announce(saved);
              else focusLater(() => addButton.current);
            }}
          />
        )}
      </section>
      <FormulationForm key={attachment.id} attachment={attachment} canWrite={canWrite} />
      <ConfirmDialog
        open={removing !== null}
        title={`Remove the ${removing?.procedure ?? ''} of ${removing?.subjectName ?? ''}?`}
        confirmLabel="Remove the procedure"
        warning
        onConfirm={() => void confirmRemove()}
        onCancel={() => setRemoving(null)}
      >
        <p>Remove it only if it was entered in error. The removal, and what it was, is recorded in the audit trail.</p>
      </ConfirmDialog>
    </div>
  );
}

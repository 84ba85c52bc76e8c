import { useRef, useState } from 'react';
import type { DocumentView } from '../../../../preload/contract';
import { ExportForbiddenNote } from '../../../components/ExportForbiddenNote';
import { errorMessage } from '../../../lib/api';
import { formatDateTime } from '../../../lib/dates';
import { exportDocument } from '../../../lib/documents';
import { useCasePageStore } from '../../../stores/case-page';
import { useDocumentExportAllowed } from '../../../stores/machine-policy';
import { useSessionStore } from '../../../stores/session';
import { ConfirmDialog } from './ConfirmDialog';
import { DocumentDetailsForm } from './DocumentDetailsForm';
import { DocumentUpload } from './DocumentUpload';
import { DocumentViewer } from './DocumentViewer';
import { formatBytes } from './labels';
import { deleteDocument, setDocumentThirdParty } from './case-actions';
import { useFocusLater } from './useFocusLater';
import styles from './DocumentsTab.module.css';

/** "application/pdf" -> "PDF"; the short names clinicians know. */
function typeName(doc: DocumentView): string {
  const t = doc.mediaType;
  if (t === 'application/pdf') return 'PDF';
  if (t.startsWith('image/')) return `Image (${t.slice(6).toUpperCase()})`;
  if (t.startsWith('video/')) return 'Video';
  if (t.startsWith('audio/')) return 'Audio';
  if (t.includes('wordprocessingml') || t === 'application/msword') return 'Word';
  if (t.includes('spreadsheetml') || t === 'application/vnd.ms-excel') return 'Excel';
  if (t === 'text/plain') return 'Text';
  const ext = /\.([A-Za-z0-9]{1,5})$/.exec(doc.originalFilename);
  return ext ? (ext[1] ?? '').toUpperCase() : 'File';
}

/**
 * The case's documents: attach, list, view inside the app, and (explicitly) download. Where the
 * machine policy forbids saving documents, one note above the table replaces every row's
 * Download (a note per row would be read out once per document).
 */
export function DocumentsTab() {
  const caseId = useCasePageStore((s) => s.caseId);
  const documents = useCasePageStore((s) => s.documents);
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  const exportAllowed = useDocumentExportAllowed();
  const [viewing, setViewing] = useState<string | null>(null);
  const [exporting, setExporting] = useState<DocumentView | null>(null);
  const [deleting, setDeleting] = useState<DocumentView | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [editingDetails, setEditingDetails] = useState(false);
  const viewerHeading = useRef<HTMLHeadingElement>(null);
  const detailsButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();
  const shown = documents?.find((d) => d.id === viewing) ?? null;

  function view(id: string) {
    setViewing(id);
    setEditingDetails(false);
    focusLater(() => viewerHeading.current);
  }

  async function confirmExport() {
    const doc = exporting;
    setExporting(null);
    if (!doc) return;
    try {
      const outcome = await exportDocument(doc);
      if (outcome?.kind === 'saved') setMessage(`An unencrypted copy of ${doc.title} was saved to ${outcome.path}.`);
      if (outcome?.kind === 'downloaded') setMessage(`An unencrypted copy of ${doc.title} is being downloaded.`);
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }

  async function toggleThirdParty(doc: DocumentView) {
    try {
      await setDocumentThirdParty(doc.id, doc.version, !doc.thirdParty);
      setMessage(
        doc.thirdParty
          ? `${doc.title} is no longer marked as holding third-party information.`
          : `${doc.title} is marked as holding third-party information.`,
      );
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }

  async function confirmDelete() {
    const doc = deleting;
    setDeleting(null);
    if (!doc) return;
    try {
      await deleteDocument(doc.id, null);
      if (viewing === doc.id) setViewing(null);
      setMessage(`${doc.title} was removed from the case.`);
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }

  return (
    <div className="tab-body">
      <h3>Documents</h3>
      <div role="status" className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      {!documents && <p>Loading documents…</p>}
      {documents && documents.length === 0 && <p className="muted">No documents attached yet.</p>}
      {documents && documents.length > 0 && !exportAllowed && <ExportForbiddenNote what="this case’s documents" />}
      {documents && documents.length > 0 && (
        <table className={`${styles.documents} table`}>
          <caption className="visually-hidden">Documents attached to this case, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Type and size</th>
              <th scope="col">Added</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id} aria-current={d.id === viewing ? 'true' : undefined}>
                <th scope="row">
                  {d.title}
                  {d.thirdParty && (
                    <>
                      {' '}
                      <span className="tag tag--third-party">Third-party information</span>
                    </>
                  )}
                  {d.description && <span className={styles.cellNote}>{d.description}</span>}
                  <span className={styles.cellNote}>{d.originalFilename}</span>
                </th>
                <td>
                  {typeName(d)}
                  <span className={styles.cellNote}>{formatBytes(d.sizeBytes)}</span>
                </td>
                <td>
                  {d.uploadedByName}
                  <span className={styles.cellNote}>{formatDateTime(d.uploadedAt)}</span>
                </td>
                <td className={styles.actionsCell}>
                  <button type="button" className="button button--small" onClick={() => view(d.id)}>
                    View<span className="visually-hidden"> {d.title}</span>
                  </button>
                  {exportAllowed && (
                    <button type="button" className="link-button" onClick={() => setExporting(d)}>
                      Download<span className="visually-hidden"> {d.title}</span>
                    </button>
                  )}
                  {canWrite && (
                    <button type="button" className="link-button link-button--danger" onClick={() => setDeleting(d)}>
                      Remove<span className="visually-hidden"> {d.title}</span>
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {shown && (
        <section aria-labelledby="viewer-heading" className="case-section">
          <div className="case-section__head">
            <h4 id="viewer-heading" ref={viewerHeading} tabIndex={-1}>
              Viewing: {shown.title}
            </h4>
            <div className="button-row button-row--tight">
              {canWrite && !editingDetails && (
                <button
                  ref={detailsButton}
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => setEditingDetails(true)}
                >
                  Change title or description
                </button>
              )}
              {canWrite && (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => void toggleThirdParty(shown)}
                >
                  {shown.thirdParty ? 'Remove the third-party marking' : 'Mark as holding third-party information'}
                </button>
              )}
              <button type="button" className="button button--secondary button--small" onClick={() => setViewing(null)}>
                Close the viewer
              </button>
            </div>
          </div>
          {shown.thirdParty && (
            <p>
              <span className="tag tag--third-party">Third-party information</span> Left unticked when the case is sent,
              and withheld from a subject access request.
            </p>
          )}
          {shown.description && <p>{shown.description}</p>}
          {editingDetails && (
            <DocumentDetailsForm
              key={shown.id}
              doc={shown}
              onDone={(saved) => {
                setEditingDetails(false);
                if (saved) setMessage(saved);
                focusLater(() => detailsButton.current);
              }}
            />
          )}
          <DocumentViewer doc={shown} onDownload={() => setExporting(shown)} />
        </section>
      )}
      {canWrite && caseId && (
        <DocumentUpload
          caseId={caseId}
          onUploaded={(doc) => setMessage(`${doc.title} was attached (${formatBytes(doc.sizeBytes)}).`)}
        />
      )}
      <ConfirmDialog
        open={exporting !== null}
        title="Download an unencrypted copy?"
        confirmLabel="Download unencrypted copy"
        warning
        onConfirm={() => void confirmExport()}
        onCancel={() => setExporting(null)}
      >
        <p>
          This writes an <strong>unencrypted</strong> copy of “{exporting?.title}” to this laptop, outside the encrypted
          vault. The download is recorded in the audit trail under your name.
        </p>
        <p>Save it only where your trust’s policy allows, and delete it when you no longer need it.</p>
      </ConfirmDialog>
      <ConfirmDialog
        open={deleting !== null}
        title={`Remove “${deleting?.title ?? ''}” from the case?`}
        confirmLabel="Remove document"
        warning
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      >
        <p>
          It will no longer be listed or viewable. The encrypted file is kept until a reviewed disposal, and the removal
          is recorded in the audit trail.
        </p>
      </ConfirmDialog>
    </div>
  );
}

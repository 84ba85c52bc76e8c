import { useState, type RefObject } from 'react';
import type { DocumentView } from '../../../preload/contract';
import { errorMessage } from '../../lib/api';
import { exportDocument } from '../../lib/documents';
import { ConfirmDialog } from '../cases/case-page/ConfirmDialog';
import { DocumentViewer } from '../cases/case-page/DocumentViewer';

/**
 * A procedure's recording in the case's document viewer (streamed from the vault, never saved
 * in plaintext). A file the viewer cannot show is downloaded only after the same warning the
 * Documents tab gives.
 */
export function RecordingViewer({
  doc,
  headingRef,
  onClose,
}: {
  doc: DocumentView;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onClose: () => void;
}) {
  const [exporting, setExporting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  async function confirmExport() {
    setExporting(false);
    try {
      const outcome = await exportDocument(doc);
      if (outcome?.kind === 'saved') setMessage(`An unencrypted copy of ${doc.title} was saved to ${outcome.path}.`);
      if (outcome?.kind === 'downloaded') setMessage(`An unencrypted copy of ${doc.title} is being downloaded.`);
    } catch (err) {
      setMessage(errorMessage(err));
    }
  }

  return (
    <section aria-labelledby="recording-viewer-heading" className="case-section">
      <div className="case-section__head">
        <h4 id="recording-viewer-heading" ref={headingRef} tabIndex={-1}>
          Viewing: {doc.title}
        </h4>
        <button type="button" className="button button--secondary button--small" onClick={onClose}>
          Close the viewer
        </button>
      </div>
      <div role="status" className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      {doc.description && <p>{doc.description}</p>}
      <DocumentViewer doc={doc} onDownload={() => setExporting(true)} />
      <ConfirmDialog
        open={exporting}
        title="Download an unencrypted copy?"
        confirmLabel="Download unencrypted copy"
        warning
        onConfirm={() => void confirmExport()}
        onCancel={() => setExporting(false)}
      >
        <p>
          This writes an <strong>unencrypted</strong> copy of “{doc.title}” to this laptop, outside the encrypted vault.
          The download is recorded in the audit trail under your name.
        </p>
      </ConfirmDialog>
    </section>
  );
}

import type { DocumentView } from '../../../../preload/contract';
import { ExportForbiddenNote } from '../../../components/ExportForbiddenNote';
import { formatDateTime } from '../../../lib/dates';
import { documentUrl, viewerKind } from '../../../lib/documents';
import { useDocumentExportAllowed } from '../../../stores/machine-policy';
import styles from './DocumentViewer.module.css';
import { formatBytes } from './labels';
import { SummaryList } from './SummaryList';

/**
 * The document's details: the file it came from and its SHA-256 fingerprint, which lets anyone
 * check that an exported or sent copy is the same file (kept here rather than in the table,
 * where no clinician reads it).
 */
function DocumentDetails({ doc }: { doc: DocumentView }) {
  return (
    <SummaryList
      label="Document details"
      rows={[
        ['Original file', doc.originalFilename],
        ['Type and size', `${doc.mediaType}, ${formatBytes(doc.sizeBytes)}`],
        ['Added', `${formatDateTime(doc.uploadedAt)} by ${doc.uploadedByName}`],
        [
          'SHA-256 fingerprint',
          <code key="sha" className={`mono ${styles.fingerprint}`} data-testid="document-sha256">
            {doc.sha256}
          </code>,
        ],
      ]}
    />
  );
}

/**
 * Shows a document inside the app, streamed from the vault: PDFs in a frame, images, and
 * audio and video with controls (the route answers Range requests, so seeking works). A file it
 * cannot show is offered as a download, unless the machine policy forbids saving documents: then
 * a note says so (the core refuses the download too).
 */
export function DocumentViewer({ doc, onDownload }: { doc: DocumentView; onDownload: () => void }) {
  const src = documentUrl(doc.id);
  const kind = viewerKind(doc.mediaType);
  const exportAllowed = useDocumentExportAllowed();
  return (
    <>
      <DocumentDetails doc={doc} />
      <div className={styles.viewer} data-testid="document-viewer">
        {kind === 'pdf' && (
          // toolbar=0 hides the PDF viewer's own download and print buttons: an unencrypted copy
          // leaves the vault only through the app's Download action, which warns and is audited.
          <iframe className={styles.pdf} src={`${src}#toolbar=0`} title={`PDF: ${doc.title}`} />
        )}
        {kind === 'image' && <img className={styles.image} src={src} alt={doc.description ?? doc.title} />}
        {kind === 'video' && (
          // Case recordings carry no captions file; the description says what the recording is.
          <video className={styles.video} src={src} controls preload="metadata" aria-label={doc.title} />
        )}
        {kind === 'audio' && (
          <audio className={styles.audio} src={src} controls preload="metadata" aria-label={doc.title} />
        )}
        {kind === 'none' && (
          <div className="notice">
            <p>This type of file ({doc.mediaType}) cannot be shown inside the app.</p>
            {exportAllowed ? (
              <button type="button" className="button button--secondary" onClick={onDownload}>
                Download an unencrypted copy
              </button>
            ) : (
              <ExportForbiddenNote what="documents" />
            )}
          </div>
        )}
      </div>
    </>
  );
}

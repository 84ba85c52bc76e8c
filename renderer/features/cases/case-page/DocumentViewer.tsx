import type { DocumentView } from '../../../../preload/contract';
import { documentUrl, viewerKind } from '../../../lib/documents';

/**
 * Shows a document inside the app, streamed from the vault: PDFs in a frame, images, and
 * audio and video with controls (the route answers Range requests, so seeking works).
 */
export function DocumentViewer({ doc, onDownload }: { doc: DocumentView; onDownload: () => void }) {
  const src = documentUrl(doc.id);
  const kind = viewerKind(doc.mediaType);
  return (
    <div className="viewer" data-testid="document-viewer">
      {kind === 'pdf' && (
        // toolbar=0 hides the PDF viewer's own download and print buttons: an unencrypted copy
        // leaves the vault only through the app's Download action, which warns and is audited.
        <iframe className="viewer__pdf" src={`${src}#toolbar=0`} title={`PDF: ${doc.title}`} />
      )}
      {kind === 'image' && <img className="viewer__image" src={src} alt={doc.description ?? doc.title} />}
      {kind === 'video' && (
        // Case recordings carry no captions file; the description says what the recording is.
        <video className="viewer__video" src={src} controls preload="metadata" aria-label={doc.title} />
      )}
      {kind === 'audio' && (
        <audio className="viewer__audio" src={src} controls preload="metadata" aria-label={doc.title} />
      )}
      {kind === 'none' && (
        <div className="notice">
          <p>This type of file ({doc.mediaType}) cannot be shown inside the app.</p>
          <button type="button" className="button button--secondary" onClick={onDownload}>
            Download an unencrypted copy
          </button>
        </div>
      )}
    </div>
  );
}

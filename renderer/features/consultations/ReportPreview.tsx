/**
 * A report shown inside the app, in the document viewer's PDF frame, from the core's preview
 * route (`report-preview/<caseId>/<kind>.pdf[?record=<id>]`: produced and audited like a
 * download, but shown rather than saved). Nothing is fetched until the user asks for the preview.
 */
import { useState } from 'react';
import styles from './Consultations.module.css';

export function previewUrl(caseId: string, kind: string, revision: string, recordId?: string): string {
  const params = new URLSearchParams();
  const token = window.api?.transportToken;
  if (token) params.set('token', token);
  if (recordId) params.set('record', recordId);
  // A changed record (signed, an addendum) is a new address, so the frame fetches it again.
  params.set('r', revision);
  return `report-preview/${encodeURIComponent(caseId)}/${encodeURIComponent(kind)}.pdf?${params.toString()}`;
}

export function ReportPreview(props: {
  caseId: string;
  kind: string;
  /** Words for the buttons and the frame's title: "Preview the <name>". */
  name: string;
  revision: string;
  /** The one record the report is of (a consultation), for a kind that takes one. */
  recordId?: string;
}) {
  const { caseId, kind, name, revision, recordId } = props;
  const [shown, setShown] = useState(false);
  const viewerId = recordId ? `preview-${kind}-${recordId}` : `preview-${kind}`;
  return (
    <div className={styles.preview}>
      <button
        type="button"
        className="button button--secondary"
        aria-expanded={shown}
        aria-controls={viewerId}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? `Hide the ${name}` : `Preview the ${name}`}
      </button>
      <div id={viewerId} className={styles.viewer} hidden={!shown} data-testid="report-preview">
        {/* toolbar=0: an unencrypted copy leaves the vault only through the audited downloads. */}
        {shown && (
          <iframe
            className={styles.viewerPdf}
            src={`${previewUrl(caseId, kind, revision, recordId)}#toolbar=0`}
            title={`PDF: ${name}`}
          />
        )}
      </div>
    </div>
  );
}

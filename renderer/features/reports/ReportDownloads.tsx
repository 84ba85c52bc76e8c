import { ExportForbiddenNote } from '../../components/ExportForbiddenNote';
import { useCasePageStore } from '../../stores/case-page';
import { useDocumentExportAllowed } from '../../stores/machine-policy';
import { reportUrl } from './report-links';
import styles from './ReportDownloads.module.css';

/**
 * "Download chronology (PDF)" and "(Word)" for the open case: plain links to the report route,
 * so the browser (or Electron's save dialog) saves the file and nothing is held in the page.
 * `recordId` makes them the report of that one record (a consultation), for a kind that takes one.
 * Where the machine policy forbids saving reports, a note stands in their place (the core
 * refuses the route too).
 */
export function ReportDownloads({ kind, name, recordId }: { kind: string; name: string; recordId?: string }) {
  const caseId = useCasePageStore((s) => s.caseId);
  const exportAllowed = useDocumentExportAllowed();
  if (!caseId) return null;
  if (!exportAllowed) return <ExportForbiddenNote what={`the ${name}`} />;
  // One id per set of links: a tab may show one set per record.
  const hintId = recordId ? `report-hint-${kind}-${recordId}` : `report-hint-${kind}`;
  return (
    <div className={styles.downloads} role="group" aria-label={`Download the ${name}`}>
      <div className={styles.buttons}>
        <a
          className="button button--secondary"
          href={reportUrl(caseId, kind, 'pdf', recordId)}
          download
          aria-describedby={hintId}
        >
          Download {name} (PDF)
        </a>
        <a
          className="button button--secondary"
          href={reportUrl(caseId, kind, 'docx', recordId)}
          download
          aria-describedby={hintId}
        >
          Download {name} (Word)
        </a>
      </div>
      <p id={hintId} className={styles.hint}>
        Every page is marked OFFICIAL-SENSITIVE. Keep the file on encrypted storage: each download is recorded in the
        audit trail.
      </p>
    </div>
  );
}

import styles from './ExportForbiddenNote.module.css';

/**
 * What stands where a download of case content would be, when the machine policy forbids saving
 * documents and reports as files (`documentExportAllowed: false`; the core refuses the download
 * anyway). It says what is not possible, that reading in the app still is, and whom to ask, so
 * nobody hunts for a missing button or takes a screenshot instead.
 *
 * Plain text, not a control: there is nothing to press, so it takes no place in the tab order;
 * `role="note"` lets a screen reader announce it as an aside where the button would have been.
 * `what` names the thing ("the chronology", "this case’s documents") so the note reads on its own.
 */
export function ExportForbiddenNote({ what, id }: { what: string; id?: string }) {
  return (
    <p className={styles.note} role="note" id={id} data-testid="export-forbidden">
      <strong className={styles.title}>Saving as a file is turned off on this laptop.</strong> Your trust’s policy does
      not allow {what} to be saved outside the app; everything can still be read here. If you need a copy, ask your IT
      service desk.
    </p>
  );
}

import { leaveCase, useCasesStore, type CasesView } from '../../../stores/cases';
import styles from './CaseBackButton.module.css';

/** Where "Back" leads, in words: the list the case was opened from. */
function backLabel(returnTo: CasesView): string {
  if (returnTo.kind === 'search') return 'Back to the search results';
  if (returnTo.kind === 'tasks') return 'Back to my tasks';
  return 'Back to the caseload';
}

/**
 * The way out of an open case, back to the caseload, my tasks or the search results it was
 * opened from. It sits in the Cases area's header row, beside the search, so an open case
 * needs no row of its own for it.
 */
export function CaseBackButton() {
  const returnTo = useCasesStore((s) => s.returnTo);
  return (
    <button type="button" className={`${styles.back} link-button`} onClick={leaveCase}>
      {backLabel(returnTo)}
    </button>
  );
}

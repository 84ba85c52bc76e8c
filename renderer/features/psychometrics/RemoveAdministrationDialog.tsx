import type { AdministrationView } from '../../../preload/contract';
import { RemoveWithReasonDialog } from '../cases/case-page/RemoveWithReasonDialog';
import { administrationTitle } from './AdministrationCard';
import { removeAdministration } from './psychometrics-store';

/** Ask before removing an administration entered in error, and why (the assessment report's sign-off may refuse it). */
export function RemoveAdministrationDialog(props: {
  a: AdministrationView | null;
  onRemoved: (text: string) => void;
  onCancel: () => void;
}) {
  const { a, onRemoved, onCancel } = props;
  return (
    <RemoveWithReasonDialog
      open={a !== null}
      idPrefix="remove-psychometric"
      title={a ? `Remove ${administrationTitle(a)}?` : 'Remove the questionnaire?'}
      confirmLabel="Remove questionnaire"
      explanation="Remove a questionnaire only if it was entered in error, for example on the wrong case. It will no longer be listed, in the chronology or in the assessment report. The removal and your reason are recorded in the audit trail. To change a score or a date, correct it instead."
      reasonMissing="Say why this questionnaire is being removed, for example that it was entered on the wrong case."
      remove={async (reason) => {
        if (!a) return '';
        await removeAdministration(a, reason);
        return `Removed ${administrationTitle(a)}.`;
      }}
      onRemoved={onRemoved}
      onCancel={onCancel}
    />
  );
}

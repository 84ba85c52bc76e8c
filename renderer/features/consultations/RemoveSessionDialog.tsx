import type { SessionView } from '../../../preload/contract';
import { formatDate } from '../../lib/dates';
import { RemoveWithReasonDialog } from '../cases/case-page/RemoveWithReasonDialog';
import { removeSession } from './consultations-actions';

/** Ask before removing a batch session, and why (kept in the audit trail). */
export function RemoveSessionDialog(props: {
  session: SessionView | null;
  onRemoved: (text: string) => void;
  onCancel: () => void;
}) {
  const { session, onRemoved, onCancel } = props;
  const when = session ? formatDate(session.sessionDate) : '';
  return (
    <RemoveWithReasonDialog
      open={session !== null}
      idPrefix="remove-session"
      title={`Remove the session of ${when}?`}
      confirmLabel="Remove session"
      explanation="Remove a session only if it was entered in error or did not take place. Its notes and the cases discussed go with it, and the cases it discussed no longer show it in their chronology. The removal and your reason are recorded in the audit trail."
      reasonMissing="Say why this session is being removed, for example that it was cancelled."
      remove={async (reason) => {
        if (!session) return '';
        await removeSession(session, reason);
        return `Session of ${when} removed.`;
      }}
      onRemoved={onRemoved}
      onCancel={onCancel}
    />
  );
}

import { useState } from 'react';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import { useAdminStore } from '../../stores/admin';
import { checkAuditTrail } from './admin-actions';

/** Runs audit:verify and says plainly whether the audit trail is intact. */
export function AuditCheck() {
  const audit = useAdminStore((s) => s.audit);
  const checkedAt = useAdminStore((s) => s.auditCheckedAt);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run() {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await checkAuditTrail();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="audit-heading" className="section">
      <h2 id="audit-heading">Audit trail</h2>
      <p>
        Every sign-in, lock and access to a record is written to a tamper-evident audit trail. The check confirms that
        no entry has been edited, removed or reordered.
      </p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void run()}
        aria-disabled={busy || undefined}
      >
        {busy ? 'Checking…' : 'Check audit trail'}
      </button>
      <div role="status" className="audit-result" data-testid="audit-result">
        {error && <p className="form-error">{error}</p>}
        {audit && audit.ok && (
          <p className="result result--ok">
            <strong>The audit trail is intact.</strong> {audit.rowsChecked}{' '}
            {audit.rowsChecked === 1 ? 'entry' : 'entries'} checked on {formatDateTime(checkedAt)}.
          </p>
        )}
        {audit && !audit.ok && (
          <p className="result result--problem">
            <strong>The audit trail has a problem.</strong> {audit.problem ?? 'An entry does not match the chain.'} (
            {audit.rowsChecked} {audit.rowsChecked === 1 ? 'entry' : 'entries'} checked on {formatDateTime(checkedAt)}.)
            Tell your information governance lead.
          </p>
        )}
      </div>
    </section>
  );
}

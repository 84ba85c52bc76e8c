import { useEffect, useState } from 'react';
import type { BackupStatus, BackupView } from '../../../preload/contract';
import { call, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import styles from './BackupStatusSection.module.css';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;
}

/** What the last backup was, in words: the time first, as an administrator scans for it. */
function LastBackup({ last }: { last: BackupView }) {
  const documents = last.documents === 1 ? '1 document' : `${last.documents.toLocaleString('en-GB')} documents`;
  return (
    <>
      <p className={styles.line} data-testid="backup-last">
        <strong>Last backup: {formatDateTime(last.takenAt)}</strong>
      </p>
      <p className={styles.detail}>
        {last.source === 'restored_from'
          ? `This vault was restored from that backup (${last.fileName}, taken by ${last.takenBy}).`
          : `${last.fileName}, ${megabytes(last.bytes)}, ${documents}, taken by ${last.takenBy}.`}
      </p>
    </>
  );
}

/**
 * The Backups section of the Administration screen: when this vault was last backed up. Taking
 * a backup is `ncats backup` for now: the browser host cannot choose a folder, and the machine
 * policy (which will name the backup folder for scheduled backups) is not read yet.
 */
export function BackupStatusSection() {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    call('backup:status', {}).then(
      (value) => live && setStatus(value),
      (err: unknown) => live && setError(errorMessage(err)),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <section aria-labelledby="backup-heading" className="section">
      <h2 id="backup-heading">Backups</h2>
      <div role="status" data-testid="backup-status">
        {error && <p className="form-error">{error}</p>}
        {!status && !error && <p>Checking the last backup…</p>}
        {status?.last && <LastBackup last={status.last} />}
        {status && !status.last && (
          <p className={styles.line} data-testid="backup-last">
            <strong>No backup has been taken of this vault.</strong>
          </p>
        )}
      </div>
      <p className={styles.detail}>
        An administrator takes a backup with <code>ncats backup</code> on this computer. A backup is one encrypted file:
        only this vault&apos;s passwords or its recovery key open it.
      </p>
    </section>
  );
}

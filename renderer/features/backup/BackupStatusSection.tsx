import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupScheduleView, BackupStatus, BackupView } from '../../../preload/contract';
import { call, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import styles from './BackupStatusSection.module.css';

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} MB`;
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** What the last backup was, in words: the time first, as an administrator scans for it. */
function LastBackup({ last, folder }: { last: BackupView; folder: string | null }) {
  const documents = last.documents === 1 ? '1 document' : `${last.documents.toLocaleString('en-GB')} documents`;
  return (
    <>
      <p className={styles.line} data-testid="backup-last">
        <strong>Last backup: {formatDateTime(last.takenAt)}</strong>
      </p>
      <p className={styles.detail}>
        {last.source === 'restored_from'
          ? `This vault was restored from that backup (${last.fileName}, taken by ${last.takenBy}).`
          : `${last.fileName}, ${megabytes(last.bytes)}, ${documents}, taken by ${last.takenBy}${folder ? `, in ${folder}` : ''}.`}
      </p>
    </>
  );
}

/** Why the administrator should act, in words; null when all is well. */
function warningOf(status: BackupStatus): string | null {
  const { last, schedule } = status;
  const attempt = schedule.lastAttempt;
  if (attempt && !attempt.ok) {
    return `The last backup attempt, at ${formatDateTime(attempt.at)}, failed: ${attempt.reason ?? 'no reason was given.'}`;
  }
  if (!last) return 'This vault has no backup. Take one now.';
  if (schedule.tooOld) {
    return `The last backup is more than ${days(schedule.maxAgeDays)} old, longer than this laptop's policy allows. Take one now.`;
  }
  return null;
}

function ScheduleLine({ schedule }: { schedule: BackupScheduleView }) {
  if (!schedule.folder) return null;
  return (
    <p className={styles.detail} data-testid="backup-schedule">
      Next backup due: {formatDateTime(schedule.nextDueAt)}. Backups go to {schedule.folder}
      {schedule.folderFromPolicy ? " (set by your trust's IT)" : " (the app's own folder)"}; the newest {schedule.keep}{' '}
      are kept.
    </p>
  );
}

/**
 * The Backups section of the Administration screen: the last backup, when the next is due,
 * a warning when the last is too old, missing or failed, and "Back up now". The app takes
 * backups itself while the vault is unlocked (main/core/backup/scheduler.ts).
 */
export function BackupStatusSection() {
  const [status, setStatus] = useState<BackupStatus | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const live = useRef(true);

  const refresh = useCallback(async () => {
    try {
      const value = await call('backup:status', {});
      if (live.current) setStatus(value);
    } catch (err) {
      if (live.current) setError(errorMessage(err));
    }
  }, []);

  useEffect(() => {
    live.current = true;
    call('backup:status', {}).then(
      (value) => live.current && setStatus(value),
      (err: unknown) => live.current && setError(errorMessage(err)),
    );
    return () => {
      live.current = false;
    };
  }, []);

  async function backUpNow() {
    if (busy) return;
    setBusy(true);
    setDone(null);
    setError(null);
    // The copy runs in a worker, so the app answers status calls meanwhile: show its phase.
    const poll = setInterval(() => void refresh(), 1000);
    try {
      const value = await call('backup:now', {});
      if (!live.current) return;
      setStatus(value);
      if (value.schedule.lastAttempt?.ok)
        setDone(`Backup finished at ${formatDateTime(value.schedule.lastAttempt.at)}.`);
    } catch (err) {
      if (live.current) setError(errorMessage(err));
    } finally {
      clearInterval(poll);
      if (live.current) setBusy(false);
    }
  }

  const warning = status ? warningOf(status) : null;
  const running = status?.schedule.running;
  return (
    <section aria-labelledby="backup-heading" className="section">
      <h2 id="backup-heading">Backups</h2>
      <div role="status" data-testid="backup-status">
        {error && <p className="form-error">{error}</p>}
        {!status && !error && <p>Checking the last backup…</p>}
        {status?.last && <LastBackup last={status.last} folder={status.schedule.folder} />}
        {status && !status.last && (
          <p className={styles.line} data-testid="backup-last">
            <strong>No backup has been taken of this vault.</strong>
          </p>
        )}
        {status && <ScheduleLine schedule={status.schedule} />}
        {running && (
          <p className={styles.detail} data-testid="backup-progress">
            Backing up: {running.phase === 'copying' ? 'copying the database' : 'writing the encrypted file'}…
          </p>
        )}
        {done && !running && (
          <p className="result result--ok" data-testid="backup-done">
            {done}
          </p>
        )}
      </div>
      <div role="alert" data-testid="backup-warning">
        {warning && <p className="result result--problem">{warning}</p>}
      </div>
      {status?.schedule.folder && (
        <p className={styles.actions}>
          <button type="button" className="button" onClick={() => void backUpNow()} aria-disabled={busy || undefined}>
            {busy ? 'Backing up…' : 'Back up now'}
          </button>
        </p>
      )}
      <p className={styles.detail}>
        A backup is one encrypted file: only this vault&apos;s passwords or its recovery key open it.{' '}
        <code>ncats backup</code> takes one into a folder you choose.
      </p>
    </section>
  );
}

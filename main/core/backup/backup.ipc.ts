/** The backup channels' handlers (`preload/contract/backup.ts`). */
import type { BackupStatus } from '../../../preload/contract/backup';
import { machinePolicyStatus } from '../policy/policy-in-force';
import { AppError } from '../errors';
import type { SessionManager } from '../session/session-manager';
import type { HandlersFor } from '../ipc/router';
import type { backupChannels } from '../../../preload/contract/backup';
import { attemptInForce, savedBackupAttempt } from './backup-attempt';
import { backupStatus } from './backup-status';
import { backupSchedulerOf } from './scheduler';

/**
 * A core without a schedule (the CLI, tests that build none): the history, the policy, and the
 * last attempt a scheduled core kept in the vault (a failure still warns).
 */
function statusWithoutSchedule(manager: SessionManager): BackupStatus {
  const { db } = manager.current();
  const { last } = backupStatus(db);
  const policy = machinePolicyStatus(manager).policy;
  return {
    last,
    schedule: {
      folder: null,
      folderFromPolicy: policy.backupFolder !== null,
      keep: policy.backupCount,
      maxAgeDays: policy.backupMaxAgeDays,
      nextDueAt: null,
      running: null,
      lastAttempt: attemptInForce(savedBackupAttempt(db), last),
      tooOld: !last || Date.now() - Date.parse(last.takenAt) > policy.backupMaxAgeDays * 24 * 60 * 60_000,
    },
  };
}

export const backupHandlers: HandlersFor<typeof backupChannels> = {
  'backup:status': (_input, { manager }) => backupSchedulerOf(manager)?.status() ?? statusWithoutSchedule(manager),
  'backup:now': async (_input, { manager }) => {
    const scheduler = backupSchedulerOf(manager);
    if (!scheduler) throw new AppError('NOT_FOUND', 'This copy of the app has no backup folder set up.');
    await scheduler.run(false);
    return scheduler.status();
  },
};

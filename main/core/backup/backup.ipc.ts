/** The backup channel's handler (`preload/contract/backup.ts`). */
import type { backupChannels } from '../../../preload/contract/backup';
import type { HandlersFor } from '../ipc/router';
import { backupStatus } from './backup-status';

export const backupHandlers: HandlersFor<typeof backupChannels> = {
  'backup:status': (_input, { manager }) => backupStatus(manager.current().db),
};

/**
 * The backup part of `npm run bench` (leave it out with `--skip backup`): `createBackup` of the
 * whole vault while it is open (the VACUUM INTO copy, then age over the tar with every blob), and
 * `restoreBackup` of that file into a new folder with every check `ncats verify` makes, the KDF
 * of the restoring user's password included. Files go to a scratch folder, removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runVaultChecks } from '../../main/cli/vault-checks';
import { createBackup } from '../../main/core/backup/create-backup';
import { restoreBackup } from '../../main/core/backup/restore-backup';
import type { OpenVault } from '../../main/core/vault/vault';
import { timeRuns } from './core-metrics';
import { emitSamples, say } from './report';

export interface BackupBenchSignIn {
  username: string;
  password: string;
}

export async function measureBackup(
  vault: OpenVault,
  signIn: BackupBenchSignIn,
  runs: (n: number) => number,
): Promise<void> {
  const cases = (vault.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
  say(`Backup: createBackup and restoreBackup of the whole vault (${cases} cases) ...`);
  const scratch = mkdtempSync(join(tmpdir(), 'ncats-backup-bench-'));
  try {
    let last = { file: '', bytes: 0, documents: 0 };
    const backups = await timeRuns(
      runs(5),
      async (i) => {
        const file = join(scratch, `run${i}.ncatsbackup`);
        last = await createBackup(vault, file);
        if (i < 0) rmSync(file, { force: true });
      },
      1,
    );
    const megabytes = (last.bytes / 1024 / 1024).toFixed(1);
    emitSamples('backup_10k_ms', backups, {
      note: `createBackup at ${cases} cases: ${megabytes} MB, ${last.documents} documents, vault open throughout`,
    });
    const credential = { kind: 'password' as const, ...signIn };
    const restores = await timeRuns(
      runs(5),
      async (i) => {
        const target = join(scratch, `restored${i}`);
        await restoreBackup(last.file, target, credential, { checks: runVaultChecks });
        rmSync(target, { recursive: true, force: true });
      },
      1,
    );
    emitSamples('restore_10k_ms', restores, {
      note: `restoreBackup of the ${megabytes} MB file: password KDF, digests, migrate, every ncats verify check`,
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { newBackupPath } from '../../core/backup/backup-format';
import { createBackup } from '../../core/backup/create-backup';
import { rotateBackups } from '../../core/backup/rotation';
import { readHeader } from '../../core/vault/header';
import { parseCommandArgs, positiveCount, required } from '../args';
import type { Command } from '../command';
import { EXIT } from '../errors';
import { SIGN_IN_OPTIONS, signInFrom, signInHelp, vaultDirFrom, withUnlockedVault } from '../vault-access';

const OPTIONS = { ...SIGN_IN_OPTIONS, out: { type: 'string' }, keep: { type: 'string' } } as const;

/** The most backups `--keep` may ask for: far more than any folder should hold. */
const MAX_KEEP = 1000;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** `ncats backup`: one encrypted file with the database, the key slots and the documents. */
export const backupCommand: Command = {
  name: 'backup',
  summary: 'Back up a vault (database, key slots and documents) into one encrypted file.',
  usage: `ncats backup --vault DIR --user NAME [--password-stdin] --out FILE|FOLDER [--keep N]

Copies the vault while it stays open (the app may keep running and writing) into one file,
encrypted so that only this vault's passwords or its recovery key can open it. It holds the
database, the key slots (so everyone signs in with the same password after a restore) and every
document. Written to FILE.partial (readable only by you) and renamed when complete; an existing
file is never replaced. When --out is a folder, the file is named after the vault and the time,
e.g. ncats-3f2a9c1b-20261201-214000.ncatsbackup. Administrators only; audited (who, when, the
file's name and size).

Options:
${signInHelp('the administrator taking the backup')}
  --out FILE|FOLDER   the new backup file, or a folder to put it in
  --keep N            afterwards, keep only the newest N backups of this vault in that folder
                      (only files made by ncats for this vault are ever removed)`,

  async run(args, io) {
    const values = parseCommandArgs(args, OPTIONS);
    const signIn = signInFrom(values, io);
    const out = vaultDirFrom(required(values.out, 'out'), io);
    const keep = values.keep === undefined ? undefined : positiveCount(values.keep, 'keep', MAX_KEEP);
    const intoFolder = existsSync(out) && statSync(out).isDirectory();
    return withUnlockedVault(io, signIn, async (vault) => {
      const file = intoFolder ? newBackupPath(out, readHeader(vault.dir).vaultId, vault.now()) : out;
      const result = await createBackup(vault, file);
      io.out(`Backed up ${signIn.dir}`);
      io.out(`To: ${result.file}`);
      io.out(`Size: ${megabytes(result.bytes)}; documents: ${result.documents}`);
      if (result.missingBlobs.length > 0) {
        io.err(
          `Warning: ${result.missingBlobs.length} document file(s) named in the database were missing from the vault folder and are not in the backup. Run ncats verify.`,
        );
      }
      if (keep !== undefined) {
        for (const removed of rotateBackups(dirname(result.file), readHeader(vault.dir).vaultId, keep)) {
          io.out(`Removed older backup: ${removed}`);
        }
      }
      return EXIT.OK;
    });
  },
};

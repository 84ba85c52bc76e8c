import { restoreBackup, type RestoreCredential } from '../../core/backup/restore-backup';
import { PASSWORD_STDIN_OPTION, USER_OPTION, VAULT_OPTION, parseCommandArgs, required } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../errors';
import { readPassword } from '../password';
import { runVaultChecks } from '../vault-checks';
import { usernameFrom, vaultDirFrom } from '../vault-access';
import type { CliIo } from '../io';

const OPTIONS = {
  ...VAULT_OPTION,
  ...USER_OPTION,
  ...PASSWORD_STDIN_OPTION,
  in: { type: 'string' },
  'recovery-key-stdin': { type: 'boolean' },
} as const;

async function credentialFrom(
  values: { user?: string; 'password-stdin'?: boolean; 'recovery-key-stdin'?: boolean },
  io: CliIo,
): Promise<RestoreCredential> {
  if (values['recovery-key-stdin']) {
    if (values.user !== undefined || values['password-stdin']) {
      throw new UsageError('Give either --user (with a password) or --recovery-key-stdin, not both.');
    }
    const line = await io.readLine();
    if (!line) throw new UsageError('--recovery-key-stdin was given, but the first line of standard input is empty.');
    return { kind: 'recovery-key', recoveryKey: line };
  }
  if (values.user === undefined) {
    throw new UsageError('Give --user NAME (a user of the backed-up vault) or --recovery-key-stdin.');
  }
  const username = usernameFrom(values.user);
  const password = await readPassword(io, values['password-stdin'] === true);
  return { kind: 'password', username, password };
}

/** `ncats restore`: a backup into a new vault folder, checked before it is put in place. */
export const restoreCommand: Command = {
  name: 'restore',
  summary: 'Restore a backup into a new vault folder, with full verification.',
  usage: `ncats restore --in FILE --vault DIR (--user NAME [--password-stdin] | --recovery-key-stdin)

Restores the backup FILE into DIR, which must not exist or must be an empty folder: a restore
never overwrites a vault or anything else. Open the backup with the password of any user of the
backed-up vault, or with its recovery key (--recovery-key-stdin: the key on the first line of
standard input). Everything is unpacked into a temporary folder beside DIR; every file's SHA-256
is checked against the backup's manifest, then the vault is opened and given the checks
ncats verify makes (integrity, foreign keys, schema, key slots, audit chain). Only when all pass
is the folder renamed to DIR; otherwise nothing is left behind. The restore is recorded in the
restored vault's audit log. Everyone signs in with the password they had when the backup was
taken, and the recovery key of that time still works.

Options:
  --in FILE               the backup (.ncatsbackup)
  --vault DIR             the new vault folder
  --user NAME             a user of the backed-up vault, to open the backup with their password
  --password-stdin        read the password from the first line of standard input
  --recovery-key-stdin    open the backup with the vault's recovery key, read from standard input`,

  async run(args, io) {
    const values = parseCommandArgs(args, OPTIONS);
    const inFile = vaultDirFrom(required(values.in, 'in'), io);
    const dir = vaultDirFrom(required(values.vault, 'vault'), io);
    const credential = await credentialFrom(values, io);
    const result = await restoreBackup(inFile, dir, credential, { checks: runVaultChecks });
    for (const check of result.checks) io.out(`ok      ${check.name}`);
    io.out(`Restored the backup taken ${result.backupCreatedAt} by ${result.backupCreatedBy}`);
    io.out(`Into: ${result.dir}`);
    io.out(`Documents: ${result.documents}`);
    io.out('OK');
    return EXIT.OK;
  },
};

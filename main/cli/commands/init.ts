import { displayNameSchema } from '../../../preload/contract';
import { readHeader } from '../../core/vault/header';
import { createVault } from '../../core/vault/vault';
import { PASSWORD_STDIN_OPTION, USER_OPTION, VAULT_OPTION, parseCommandArgs, required } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../errors';
import { readNewPassword } from '../password';
import { formatKdf } from '../vault-info';
import { usernameFrom, vaultDirFrom } from '../vault-access';

const OPTIONS = { ...VAULT_OPTION, ...USER_OPTION, ...PASSWORD_STDIN_OPTION, name: { type: 'string' } } as const;

/** `ncats init`: create a vault and its first administrator, and show the recovery key once. */
export const initCommand: Command = {
  name: 'init',
  summary: 'Create a new vault and its first administrator.',
  usage: `ncats init --vault DIR --user NAME [--name "Display Name"] [--password-stdin]

Creates the vault folder DIR (it must not already hold a vault) with NAME as its first
administrator. The password (at least 12 characters) is asked for twice at a terminal, or read
from the first line of standard input with --password-stdin.

Prints the recovery key once, on a line beginning "Recovery key: ". Write it down and keep it
safe: it opens the vault if every password is lost, and it is never shown again.

Options:
  --vault DIR         folder for the new vault
  --user NAME         user name of the first administrator (2-32 letters, digits, . _ -)
  --name TEXT         display name (defaults to the user name)
  --password-stdin    read the password from the first line of standard input`,

  async run(args, io) {
    const values = parseCommandArgs(args, OPTIONS);
    const dir = vaultDirFrom(required(values.vault, 'vault'), io);
    const username = usernameFrom(required(values.user, 'user'));
    const name = displayNameSchema.safeParse(values.name ?? username);
    if (!name.success) throw new UsageError(`--name: ${name.error.issues[0]?.message ?? 'not a valid name'}`);
    const password = await readNewPassword(io, values['password-stdin'] === true);

    const { vault, recoveryKey } = await createVault(dir, { username, displayName: name.data, password });
    try {
      const admin = vault.user;
      io.out(`Created a vault in ${dir} with ${admin.username} (${admin.displayName}) as administrator.`);
      io.out(`Recovery key: ${recoveryKey}`);
      io.out(
        'Write the recovery key down now and store it safely, away from this computer: it is shown only once, ' +
          'and it is the only way in if every password is lost.',
      );
    } finally {
      vault.close();
    }
    const kdf = readHeader(dir).slots[0]?.kdf;
    if (kdf) io.out(`Key derivation: ${formatKdf(kdf)}, calibrated for this computer.`);
    return EXIT.OK;
  },
};

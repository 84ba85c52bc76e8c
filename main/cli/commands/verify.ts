import { PASSWORD_STDIN_OPTION, USER_OPTION, VAULT_OPTION, parseCommandArgs, required } from '../args';
import type { Command } from '../command';
import { EXIT } from '../errors';
import { runVaultChecks } from '../vault-checks';
import { usernameFrom, vaultDirFrom, withUnlockedVault } from '../vault-access';

const OPTIONS = { ...VAULT_OPTION, ...USER_OPTION, ...PASSWORD_STDIN_OPTION } as const;

/** `ncats verify`: unlock, then check the database, the schema, the key slots and the audit chain. */
export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check a vault: database integrity, migrations, key slots and the audit chain.',
  usage: `ncats verify --vault DIR --user NAME [--password-stdin]

Unlocks the vault as NAME (the unlock is recorded in the audit log) and checks:
  - database integrity (PRAGMA integrity_check: every page is decrypted and its HMAC checked),
  - foreign keys,
  - the schema version against the latest migration this version of the app knows,
  - that every key slot in the header belongs to a user in the database,
  - the audit hash chain (an edited, deleted or reordered row breaks it).
Prints each check, then OK and exits 0; or names what is wrong and exits 1.

Options:
  --vault DIR         the vault folder
  --user NAME         the user to unlock as
  --password-stdin    read the password from the first line of standard input`,

  async run(args, io) {
    const values = parseCommandArgs(args, OPTIONS);
    const dir = vaultDirFrom(required(values.vault, 'vault'), io);
    const username = usernameFrom(required(values.user, 'user'));
    return withUnlockedVault(io, { dir, username, passwordFromStdin: values['password-stdin'] === true }, (vault) => {
      io.out(`Vault: ${dir}`);
      io.out(`Unlocked as ${vault.user.username} (${vault.user.role}).`);
      const results = runVaultChecks(vault);
      for (const result of results) {
        io.out(`${result.ok ? 'ok    ' : 'FAILED'}  ${result.name}`);
        for (const line of result.details) io.out(`        ${line}`);
      }
      const failed = results.filter((r) => !r.ok);
      if (failed.length === 0) {
        io.out('OK');
        return EXIT.OK;
      }
      io.out(`FAILED: ${failed.map((r) => r.name).join('; ')}`);
      return EXIT.FAILURE;
    });
  },
};

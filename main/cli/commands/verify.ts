import { parseCommandArgs } from '../args';
import type { Command } from '../command';
import { EXIT } from '../errors';
import { runVaultChecks } from '../vault-checks';
import { SIGN_IN_OPTIONS, signInFrom, signInHelp, withUnlockedVault } from '../vault-access';

/** `ncats verify`: unlock, then check the database, the schema, the key slots and the audit chain. */
export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check a vault: database integrity, migrations, key slots, the audit chain, the document files and the kept counts.',
  usage: `ncats verify --vault DIR --user NAME [--password-stdin]

Unlocks the vault as NAME (the unlock is recorded in the audit log) and checks:
  - database integrity (PRAGMA integrity_check: every page is decrypted and its HMAC checked),
  - foreign keys,
  - the schema version against the latest migration this version of the app knows,
  - that every key slot in the header belongs to a user in the database,
  - the audit hash chain (an edited, deleted or reordered row breaks it),
  - that every document row has its encrypted file,
  - that the counts kept for the statistics, the Safe Home summary and Home are what a
    fresh count of the records gives (recounted and rolled back: nothing is changed).
Prints each check, then OK and exits 0; or names what is wrong and exits 1.

Options:
${signInHelp('the user to unlock as')}`,

  async run(args, io) {
    const signIn = signInFrom(parseCommandArgs(args, SIGN_IN_OPTIONS), io);
    return withUnlockedVault(io, signIn, (vault) => {
      io.out(`Vault: ${signIn.dir}`);
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

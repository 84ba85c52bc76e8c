import { PASSWORD_STDIN_OPTION, USER_OPTION, VAULT_OPTION, parseCommandArgs, required } from '../args';
import type { Command } from '../command';
import { EXIT } from '../errors';
import { usernameFrom, vaultDirFrom, withUnlockedVault } from '../vault-access';

const OPTIONS = { ...VAULT_OPTION, ...USER_OPTION, ...PASSWORD_STDIN_OPTION } as const;

/** `ncats unlock-test`: does this password open the vault? Exit 0 yes, 1 no. */
export const unlockTestCommand: Command = {
  name: 'unlock-test',
  summary: 'Check that a user’s password unlocks a vault (exit 0) or not (exit 1).',
  usage: `ncats unlock-test --vault DIR --user NAME [--password-stdin]

Tries to unlock the vault as NAME and locks it again straight away. Exits 0 when the password
unlocks, 1 with the reason when it does not (wrong password, too many attempts, no vault,
damaged header). Both outcomes are recorded in the vault's audit log, and failures count
towards the back-off after repeated failed attempts, exactly as in the app.

Options:
  --vault DIR         the vault folder
  --user NAME         the user to unlock as
  --password-stdin    read the password from the first line of standard input`,

  async run(args, io) {
    const values = parseCommandArgs(args, OPTIONS);
    const dir = vaultDirFrom(required(values.vault, 'vault'), io);
    const username = usernameFrom(required(values.user, 'user'));
    return withUnlockedVault(io, { dir, username, passwordFromStdin: values['password-stdin'] === true }, (vault) => {
      io.out(`Unlocked as ${vault.user.username} (${vault.user.role}).`);
      return EXIT.OK;
    });
  },
};

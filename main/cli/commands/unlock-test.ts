import { parseCommandArgs } from '../args';
import type { Command } from '../command';
import { EXIT } from '../errors';
import { SIGN_IN_OPTIONS, signInFrom, signInHelp, withUnlockedVault } from '../vault-access';

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
${signInHelp('the user to unlock as')}`,

  async run(args, io) {
    const signIn = signInFrom(parseCommandArgs(args, SIGN_IN_OPTIONS), io);
    return withUnlockedVault(io, signIn, (vault) => {
      io.out(`Unlocked as ${vault.user.username} (${vault.user.role}).`);
      return EXIT.OK;
    });
  },
};

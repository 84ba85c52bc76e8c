import { AppError } from '../../core/errors';
import { parseCommandArgs } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../errors';
import { SIGN_IN_OPTIONS, signInFrom, signInHelp, withUnlockedVault } from '../vault-access';

const OPTIONS = { ...SIGN_IN_OPTIONS, rotate: { type: 'boolean' } } as const;

/** `ncats recovery-key --rotate`: re-key the vault and show its new recovery key once. */
export const recoveryKeyCommand: Command = {
  name: 'recovery-key',
  summary: 'Make a new recovery key (administrators); the old one stops working.',
  usage: `ncats recovery-key --rotate --vault DIR --user NAME [--password-stdin]

Re-encrypts the vault database under a new key and prints the new recovery key once. The old
recovery key no longer opens the vault; every user keeps their password. Backups taken before
keep the key they were made with. An interrupted rotation leaves the vault as it was.

Options:
  --rotate            make the new key (required: the command does nothing else)
${signInHelp('an administrator')}`,

  async run(args, io) {
    const values = parseCommandArgs(args, OPTIONS);
    const signIn = signInFrom(values, io);
    if (values.rotate !== true) throw new UsageError('Say --rotate to make a new recovery key.');
    return withUnlockedVault(io, signIn, (vault) => {
      if (vault.user.role !== 'administrator') {
        throw new AppError('FORBIDDEN', 'Only an administrator can make a new recovery key.');
      }
      const recoveryKey = vault.rotateRecoveryKey();
      io.out(`New recovery key: ${recoveryKey}`);
      io.out(
        'Write it down now and store it safely: it is shown only once. The old recovery key no longer opens this vault; ' +
          'backups taken before keep the key they were made with.',
      );
      return EXIT.OK;
    });
  },
};

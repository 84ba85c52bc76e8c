import { writeFileSync } from 'node:fs';
import { serialiseCard } from '../../core/keys/key-card';
import { myKeyCard } from '../../core/keys/user-keys';
import { parseCommandArgs } from '../args';
import type { Command } from '../command';
import { EXIT } from '../errors';
import { SIGN_IN_OPTIONS, signInFrom, signInHelp, vaultDirFrom, withUnlockedVault } from '../vault-access';

const OPTIONS = { ...SIGN_IN_OPTIONS, out: { type: 'string' } } as const;

/** `ncats key`: show (creating on first use) the user's bundle keys, and save their key card. */
export const keyCommand: Command = {
  name: 'key',
  summary: 'Show your bundle keys and fingerprint; save your key card for colleagues.',
  usage: `ncats key --vault DIR --user NAME [--password-stdin] [--out CARD]

Shows the keys colleagues use to send you case bundles and to check bundles you send, creating
them the first time. Prints "Recipient: age1...", "Signing key: ..." and "Fingerprint: ...".
Read the fingerprint to a colleague (in person or by phone) when they add your card.

Options:
${signInHelp('your user name')}
  --out CARD          also save your key card to this file (e.g. alice.ncatscard); it holds no secret`,

  async run(args, io) {
    const values = parseCommandArgs(args, OPTIONS);
    const signIn = signInFrom(values, io);
    return withUnlockedVault(io, signIn, async (vault) => {
      const card = await myKeyCard(vault);
      io.out(`Name: ${card.name} (${card.service})`);
      io.out(`Recipient: ${card.ageRecipient}`);
      io.out(`Signing key: ${card.signingKey}`);
      io.out(`Fingerprint: ${card.fingerprint}`);
      if (typeof values.out === 'string') {
        writeFileSync(vaultDirFrom(values.out, io), serialiseCard(card));
        io.out(`Key card saved to ${values.out}`);
      }
      return EXIT.OK;
    });
  },
};

import { readFileSync } from 'node:fs';
import { AppError } from '../../core/errors';
import {
  addColleague,
  findColleague,
  listColleagues,
  revokeColleague,
  verifyColleague,
  type Colleague,
} from '../../core/keys/colleagues';
import { parseCard } from '../../core/keys/key-card';
import { parseCommandArgs, required } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../errors';
import { SIGN_IN_OPTIONS, signInFrom, vaultDirFrom, withUnlockedVault } from '../vault-access';

const OPTIONS = {
  ...SIGN_IN_OPTIONS,
  card: { type: 'string' },
  verified: { type: 'boolean' },
  name: { type: 'string' },
  reason: { type: 'string' },
} as const;

const ACTIONS = ['add', 'list', 'verify', 'revoke'] as const;

function describe(c: Colleague): string {
  return `${c.name} (${c.service}): fingerprint ${c.fingerprint}, ${c.status}`;
}

/** `ncats colleague add|list|verify|revoke`: the colleague directory of key cards. */
export const colleagueCommand: Command = {
  name: 'colleague',
  summary: 'Add a colleague’s key card, list, verify or revoke cards.',
  usage: `ncats colleague add --vault DIR --user NAME [--password-stdin] --card CARD [--verified]
       ncats colleague list|verify|revoke --vault DIR --user NAME [--password-stdin] [--name COLLEAGUE] [--reason TEXT]

add      imports a key card file and prints its fingerprint. Give --verified only after you
         have compared that fingerprint with the colleague in person or by phone.
list     shows every card with its fingerprint and whether it is verified or revoked.
verify   marks --name's card verified (after comparing fingerprints).
revoke   revokes --name's card (--reason required): nothing can be sent to it and its bundles are refused.`,

  async run(args, io) {
    const [action, ...rest] = args;
    if (!ACTIONS.includes(action as (typeof ACTIONS)[number]))
      throw new UsageError(`Say what to do: ${ACTIONS.join(', ')}.`);
    const values = parseCommandArgs(rest, OPTIONS);
    const signIn = signInFrom(values, io);
    let cardText: string | undefined;
    if (action === 'add') {
      const path = vaultDirFrom(required(values.card, 'card'), io);
      try {
        cardText = readFileSync(path, 'utf8');
      } catch {
        throw new UsageError(`The key card ${values.card ?? ''} cannot be read.`);
      }
    }
    if ((action === 'verify' || action === 'revoke') && !values.name)
      throw new UsageError('Missing required option --name.');
    if (action === 'revoke' && !values.reason) throw new UsageError('Missing required option --reason.');
    return withUnlockedVault(io, signIn, (vault) => {
      if (action === 'add') {
        const parsed = parseCard(cardText ?? '');
        if (!parsed.ok) throw new AppError('CONFLICT', parsed.reason);
        const colleague = addColleague(vault, parsed.card, { verified: values.verified === true });
        io.out(`Added ${describe(colleague)}`);
        if (colleague.status !== 'verified')
          io.out('Compare the fingerprint with them, then run `ncats colleague verify --name ...`.');
      } else if (action === 'list') {
        const all = listColleagues(vault.db);
        if (all.length === 0) io.out('No colleagues yet.');
        for (const c of all) io.out(describe(c));
      } else if (action === 'verify') {
        io.out(describe(verifyColleague(vault, findColleague(vault.db, values.name ?? '').id)));
      } else {
        io.out(describe(revokeColleague(vault, findColleague(vault.db, values.name ?? '').id, values.reason ?? '')));
      }
      return EXIT.OK;
    });
  },
};

import { readHeader } from '../../core/vault/header';
import { VAULT_OPTION, parseCommandArgs, required } from '../args';
import type { Command } from '../command';
import { EXIT } from '../errors';
import { describeVault, renderVaultInfo } from '../vault-info';
import { vaultDirFrom } from '../vault-access';

const OPTIONS = { ...VAULT_OPTION, json: { type: 'boolean' } } as const;

/** `ncats info`: what the vault header says, without a password and without any secret. */
export const infoCommand: Command = {
  name: 'info',
  summary: 'Show a vault’s format, cipher, key derivation, users and lockouts (no password needed).',
  usage: `ncats info --vault DIR [--json]

Reads the vault header only: format version, cipher, key-derivation parameters, creation date,
users with the roles recorded in their key slots, failed unlocks not yet audited, and lockouts.
Never shows salts, wrapped keys or the key check. The database is not opened, so roles shown
are those recorded when each key slot was made; the role that counts is the one in the database.

Options:
  --vault DIR   the vault folder
  --json        print one JSON object instead of text`,

  async run(args, io) {
    const values = parseCommandArgs(args, OPTIONS);
    const dir = vaultDirFrom(required(values.vault, 'vault'), io);
    const info = describeVault(dir, readHeader(dir), io.now());
    if (values.json) io.out(JSON.stringify(info, null, 2));
    else for (const line of renderVaultInfo(info)) io.out(line);
    return EXIT.OK;
  },
};

import { existsSync, readFileSync } from 'node:fs';
import { importBundle, type ImportPreview, type SenderStatus } from '../../core/bundles/import';
import { caseFileRegistry } from '../../core/bundles/modules/index';
import { parseCommandArgs, required } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../errors';
import { formatDateTime } from '../format';
import { SIGN_IN_OPTIONS, signInFrom, vaultDirFrom, withUnlockedVault } from '../vault-access';

const OPTIONS = {
  ...SIGN_IN_OPTIONS,
  in: { type: 'string' },
  'passphrase-file': { type: 'string' },
  'accept-unknown-sender': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
} as const;

const SENDER: Record<SenderStatus, string> = {
  self: 'a user of this vault',
  verified: 'verified colleague',
  unverified: 'in your directory but NOT verified',
  unknown: 'NOT in your colleague directory',
  revoked: 'REVOKED',
};

/** The preview, one fact per line. */
export function renderPreview(p: ImportPreview): string[] {
  const c = p.counts;
  return [
    `Bundle:    ${p.bundleId}`,
    `Case:      ${p.caseReference} (${p.caseAction === 'new' ? 'new case' : 'updates a case already in this vault'})`,
    `From:      ${p.sender.name}, ${p.sender.service}: ${SENDER[p.sender.status]}`,
    `Fingerprint of the sender: ${p.sender.fingerprint}`,
    `Created:   ${formatDateTime(p.created)}`,
    `Basis:     ${p.basis}`,
    `Records:   ${c.new} new, ${c.update} updated, ${c.unchanged} unchanged, ${c['keep-local']} kept (newer here), ${c.conflict} conflicts`,
    `Documents: ${p.documents.new} new, ${p.documents.present} already here`,
  ];
}

/** `ncats import`: check a bundle, show the preview, and apply it unless --dry-run. */
export const importCommand: Command = {
  name: 'import',
  summary: 'Check and import a case bundle (exit 0 applied, 1 refused, 2 usage).',
  usage: `ncats import --vault DIR --user NAME [--password-stdin] --in FILE [--passphrase-file FILE] [--accept-unknown-sender] [--dry-run]

Decrypts FILE with your key (or the passphrase on the first line of --passphrase-file), checks
the sender's signature, every checksum and every record, and prints a preview: new case or
updates, conflicts, documents. Then applies it in one step, unless --dry-run.
A sender who is not a verified colleague is refused unless --accept-unknown-sender is given:
compare the printed fingerprint with them first. Importing the same bundle again changes nothing.
Exit codes: 0 applied (or previewed / already imported), 1 refused, 2 usage.`,

  async run(args, io) {
    const values = parseCommandArgs(args, OPTIONS);
    const signIn = signInFrom(values, io);
    const file = vaultDirFrom(required(values.in, 'in'), io);
    if (!existsSync(file)) throw new UsageError(`There is no file ${values.in ?? ''}.`);
    let passphrase: string | undefined;
    if (values['passphrase-file'] !== undefined) {
      try {
        passphrase = readFileSync(vaultDirFrom(values['passphrase-file'], io), 'utf8').split(/\r?\n/)[0] ?? '';
      } catch {
        throw new UsageError(`The passphrase file ${values['passphrase-file']} cannot be read.`);
      }
    }
    return withUnlockedVault(io, signIn, async (vault) => {
      const dryRun = values['dry-run'] === true;
      const result = await importBundle(vault, caseFileRegistry(vault), file, {
        ...(passphrase !== undefined ? { passphrase } : {}),
        acceptUnverifiedSender: values['accept-unknown-sender'] === true,
        dryRun,
      });
      for (const line of renderPreview(result.preview)) io.out(line);
      if (result.applied) io.out('Applied.');
      else if (dryRun) io.out('Dry run: nothing was changed.');
      else io.out('This bundle was imported before: nothing was changed.');
      return EXIT.OK;
    });
  },
};

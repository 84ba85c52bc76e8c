import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { exportBundle, type ExportRecipient } from '../../core/bundles/export';
import { caseFileRegistry } from '../../core/bundles/modules/index';
import { suggestPassphrase } from '../../core/bundles/passphrase';
import { parseCommandArgs, required } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../errors';
import { SIGN_IN_OPTIONS, signInFrom, vaultDirFrom, withUnlockedVault } from '../vault-access';

const OPTIONS = {
  ...SIGN_IN_OPTIONS,
  case: { type: 'string' },
  to: { type: 'string', multiple: true },
  'passphrase-file': { type: 'string' },
  'new-passphrase': { type: 'boolean' },
  basis: { type: 'string' },
  out: { type: 'string' },
  'include-third-party': { type: 'boolean' },
} as const;

/** `ncats export`: write a case as an encrypted, signed `.ncatsbundle`. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'Export a case as an encrypted bundle for colleagues or a passphrase.',
  usage: `ncats export --vault DIR --user NAME [--password-stdin] --case REF (--to RECIPIENT [--to ...] | --passphrase-file FILE [--new-passphrase]) --basis TEXT --out FILE [--include-third-party]

Writes case REF (records, documents and a readable summary.pdf) to FILE, encrypted with age
and signed with your key. Each --to is a verified colleague's name or a raw age1... recipient.
Or, for a reader without the app, --passphrase-file: the passphrase is the first line of FILE;
with --new-passphrase a strong one is generated, written to FILE and printed (send it by a
different route from the bundle). --basis records why the case is shared (Caldicott); it goes
into the bundle and the audit log with the recipients. Notes and people marked
third-party-sensitive are left out unless --include-third-party is given.`,

  async run(args, io) {
    const values = parseCommandArgs(args, OPTIONS);
    const signIn = signInFrom(values, io);
    const caseReference = required(values.case, 'case');
    const basis = required(values.basis, 'basis');
    const out = vaultDirFrom(required(values.out, 'out'), io);
    const to = values.to ?? [];
    const passphraseFile = values['passphrase-file'];
    if (to.length > 0 === (passphraseFile !== undefined))
      throw new UsageError('Give either --to (one or more) or --passphrase-file.');
    if (existsSync(out)) throw new UsageError(`${values.out ?? ''} already exists. Choose a new file name.`);
    let passphrase: string | undefined;
    if (passphraseFile !== undefined) {
      const path = vaultDirFrom(passphraseFile, io);
      if (values['new-passphrase']) {
        passphrase = suggestPassphrase();
        writeFileSync(path, `${passphrase}\n`, { mode: 0o600, flag: 'wx' });
        io.out(`Passphrase: ${passphrase}`);
      } else {
        try {
          passphrase = readFileSync(path, 'utf8').split(/\r?\n/)[0] ?? '';
        } catch {
          throw new UsageError(`The passphrase file ${passphraseFile} cannot be read.`);
        }
      }
    }
    const recipients: ExportRecipient[] = to.map((t) =>
      t.startsWith('age1') ? { kind: 'raw', recipient: t } : { kind: 'colleague', nameOrId: t },
    );
    return withUnlockedVault(io, signIn, async (vault) => {
      const result = await exportBundle(vault, caseFileRegistry(vault), {
        caseReference,
        ...(passphrase !== undefined ? { passphrase } : { recipients }),
        basis,
        outFile: out,
        includeThirdPartySensitive: values['include-third-party'] === true,
      });
      io.out(`Exported case ${result.caseReference} to ${values.out ?? out}`);
      io.out(`Bundle: ${result.bundleId}`);
      io.out(
        `Records: ${result.records}; documents: ${result.documents} (${(result.documentBytes / 1024 / 1024).toFixed(1)} MB)`,
      );
      io.out(`Encrypted for: ${result.recipients.join('; ')}`);
      return EXIT.OK;
    });
  },
};

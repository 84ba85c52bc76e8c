import { existsSync, writeFileSync } from 'node:fs';
import { caseLocator } from '../../core/bundles/modules/case-module';
import { requireReportFormat } from '../../core/reports/registry';
import { AppError } from '../../core/errors';
import { parseCommandArgs, required } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../errors';
import { SIGN_IN_OPTIONS, signInFrom, vaultDirFrom, withUnlockedVault } from '../vault-access';

const OPTIONS = {
  ...SIGN_IN_OPTIONS,
  case: { type: 'string' },
  kind: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  record: { type: 'string' },
  person: { type: 'string' },
  reviewer: { type: 'boolean' },
} as const;

/** `ncats report`: a case report (the chronology, ...) as PDF or Word, written to a new file. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'Write a case report (for example the chronology) as PDF or Word.',
  usage: `ncats report --vault DIR --user NAME [--password-stdin] --case REF --kind KIND --format pdf|docx --out FILE [--record ID] [--person ID] [--reviewer]

Writes report KIND of case REF to FILE, which must not exist yet (nothing is ever overwritten).
Every page is marked OFFICIAL-SENSITIVE with the case reference and "Page N of M". The export
is recorded in the vault's audit trail with the kind, the format and the record. KIND is
chronology (every event of the case, oldest first, with upcoming tasks apart), consultation
or assessment; a wrong KIND lists the kinds there are. A consultation report is of the case's
most recent consultation unless --record names another by its id (an id that is not one of
the case's is refused, listing the case's consultations with their ids and dates). KIND subject-access is a copy of the
young person's records for a subject access request, third-party information withheld and
third parties' names taken out; --person ID makes it a copy of that parent or carer's own
records instead, and --reviewer the reviewer's copy, which adds the redaction log with the
original text and must never reach the requester. Keep the file on encrypted storage: it is
personal health information.`,

  async run(args, io) {
    const values = parseCommandArgs(args, OPTIONS);
    const signIn = signInFrom(values, io);
    const reference = required(values.case, 'case');
    const outName = required(values.out, 'out');
    const out = vaultDirFrom(outName, io);
    // Loaded only when a report is asked for, so other commands start without the PDF and Word
    // libraries. Loading the core registers every module's chronology events and report kinds.
    await import('../../core/core');
    const { exportReport } = await import('../../core/reports/report-export');
    const { requireReportKind } = await import('../../core/reports/registry');
    const kind = usage(() => requireReportKind(required(values.kind, 'kind')));
    const format = usage(() => requireReportFormat(required(values.format, 'format')));
    if (!out.toLowerCase().endsWith(`.${format}`)) {
      throw new UsageError(`--out should end in .${format}, so the file opens in the right program.`);
    }
    if (existsSync(out)) throw new UsageError(`${outName} already exists. Choose a new file name.`);
    return withUnlockedVault(io, signIn, async (vault) => {
      const found = caseLocator.findByReference(vault.db, reference);
      if (!found) throw new AppError('NOT_FOUND', `There is no case ${reference}.`);
      const report = await exportReport(vault, {
        caseId: found.id,
        kind: kind.id,
        format,
        ...(values.record !== undefined ? { recordId: values.record } : {}),
        ...(values.person !== undefined ? { personId: values.person } : {}),
        ...(values.reviewer ? { reviewerCopy: true } : {}),
      });
      // 'wx': refuse a file that appeared while the report was being made, rather than replace it.
      writeFileSync(out, report.bytes, { flag: 'wx', mode: 0o600 });
      const copy = values.reviewer ? ' (the reviewer’s copy, with the redaction log: not for the requester)' : '';
      io.out(
        `Wrote the ${kind.title.toLowerCase()}${copy} of case ${report.caseReference} to ${outName} (${format}, ${report.bytes.length} bytes).`,
      );
      return EXIT.OK;
    });
  },
};

/** A bad --kind or --format is a usage error (exit 2), with the core's explanation. */
function usage<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof AppError) throw new UsageError(err.message);
    throw err;
  }
}

import { CASE_STATUSES, caseloadQuerySchema, type CaseStatus } from '../../../preload/contract/cases';
import { listCaseload } from '../../core/cases/caseload.service';
import { formatUkDate } from '../../core/cases/dates';
import { parseCommandArgs, positiveCount } from '../args';
import type { Command } from '../command';
import { EXIT, UsageError } from '../errors';
import { SIGN_IN_OPTIONS, signInFrom, signInHelp, withUnlockedVault } from '../vault-access';
import { countOf } from '../../../preload/contract/plural';

const OPTIONS = {
  ...SIGN_IN_OPTIONS,
  json: { type: 'boolean' },
  status: { type: 'string', multiple: true },
  limit: { type: 'string' },
} as const;

/** The caseload service pages at most this many cases per query. */
const MAX_LIMIT = 500;

function statusesFrom(values: readonly string[] | undefined): CaseStatus[] {
  const out: CaseStatus[] = [];
  for (const text of (values ?? []).flatMap((v) => v.split(','))) {
    const s = text.trim().toLowerCase();
    if (!(CASE_STATUSES as readonly string[]).includes(s)) {
      throw new UsageError(`"${text}" is not a case status. Use one of: ${CASE_STATUSES.join(', ')}.`);
    }
    if (!out.includes(s as CaseStatus)) out.push(s as CaseStatus);
  }
  return out;
}

/** `ncats cases`: the caseload as a table or JSON (reference, status, lead worker, due date). */
export const casesCommand: Command = {
  name: 'cases',
  summary: 'List cases: reference, status, lead worker and assessment due date.',
  usage: `ncats cases --vault DIR --user NAME [--password-stdin] [--json] [--status S] [--limit N]

Lists the caseload, newest referral first: reference, status, lead worker and assessment due
date (dd/mm/yyyy). The listing is recorded in the audit log, as in the app. Names of young
people are not shown.

Options:
${signInHelp()}
  --json              print one JSON object ({ total, cases: [...] }) instead of a table
  --status S          only cases with this status (${CASE_STATUSES.join(', ')});
                      repeat the flag or separate with commas for several
  --limit N           at most N cases (1 to ${MAX_LIMIT}, default 50)`,

  async run(args, io) {
    const values = parseCommandArgs(args, OPTIONS);
    const signIn = signInFrom(values, io);
    const status = statusesFrom(values.status);
    const limit = values.limit === undefined ? 50 : positiveCount(values.limit, 'limit', MAX_LIMIT);
    const query = caseloadQuerySchema.parse({ status, limit });
    return withUnlockedVault(io, signIn, (vault) => {
      const page = listCaseload(vault, query);
      const rows = page.items.map((c) => ({
        reference: c.reference,
        status: c.status,
        leadWorker: c.leadWorkerName,
        assessmentDueDate: c.assessmentDueDate,
      }));
      if (values.json) {
        io.out(JSON.stringify({ total: page.total, cases: rows }, null, 2));
        return EXIT.OK;
      }
      const table = rows.map((r) => [
        r.reference,
        r.status,
        r.leadWorker ?? '-',
        r.assessmentDueDate ? formatUkDate(r.assessmentDueDate) : '-',
      ]);
      const header = ['Reference', 'Status', 'Lead worker', 'Due date'];
      const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]?.length ?? 0)));
      const line = (cells: string[]): string =>
        cells
          .map((c, i) => c.padEnd(widths[i] ?? 0))
          .join('  ')
          .trimEnd();
      io.out(line(header));
      for (const row of table) io.out(line(row));
      io.out(`${rows.length} of ${countOf(page.total, 'case')} shown.`);
      return EXIT.OK;
    });
  },
};

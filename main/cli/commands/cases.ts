import {
  CASE_STATUSES,
  caseloadQuerySchema,
  type CaseloadQuery,
  type CaseStatus,
} from '../../../preload/contract/cases';
import type { CaseSummary } from '../../../preload/contract/case-records';
import { AppError } from '../../core/errors';
import type { OpenVault } from '../../core/vault/vault';
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
  offset: { type: 'string' },
  all: { type: 'boolean' },
} as const;

/** The caseload service pages at most this many cases per query. */
const MAX_LIMIT = 500;
/** The furthest a page may start (the contract's paging limit). */
const MAX_OFFSET = 1_000_000;

/** --offset as a whole number from 0, or a usage error. */
function offsetFrom(value: string | undefined): number {
  if (value === undefined) return 0;
  if (!/^\d+$/.test(value.trim())) throw new UsageError('--offset must be a whole number, for example 50.');
  const n = Number(value);
  if (n > MAX_OFFSET) throw new UsageError(`--offset must be at most ${MAX_OFFSET.toLocaleString('en-GB')}.`);
  return n;
}

/**
 * The cases `query` asks for: one page, or with `all` every page in turn (each page read and
 * audited as the app reads it), until a page comes back short. Not until the first page's
 * total: that count stops at its bound ("more than 1,000", db/bounded-count.ts).
 */
function casesFor(
  vault: OpenVault,
  query: CaseloadQuery,
  all: boolean,
): { items: CaseSummary[]; total: number; moreThan: boolean } {
  const first = listCaseload(vault, query);
  if (!all) return { ...first, moreThan: first.moreThan ?? false };
  const items = [...first.items];
  let last = first;
  while (last.items.length === query.limit) {
    last = listCaseload(vault, { ...query, offset: items.length });
    items.push(...last.items);
  }
  return { items, total: items.length, moreThan: false };
}

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
  usage: `ncats cases --vault DIR --user NAME [--password-stdin] [--json] [--status S] [--limit N] [--offset N] [--all]

Lists the caseload, newest referral first: reference, status, lead worker and assessment due
date (dd/mm/yyyy). The listing is recorded in the audit log, as in the app. Names of young
people are not shown.

Options:
${signInHelp()}
  --json              print one JSON object ({ total, moreThan, cases: [...] }) instead of a
                      table; moreThan: the count stopped at total, there are more cases
  --status S          only cases with this status (${CASE_STATUSES.join(', ')});
                      repeat the flag or separate with commas for several
  --limit N           at most N cases (1 to ${MAX_LIMIT}, default 50)
  --offset N          skip the first N cases (default 0), for the next page: --offset 50
  --all               every case, however many (administrators only; not with --limit or --offset)`,

  async run(args, io) {
    const values = parseCommandArgs(args, OPTIONS);
    const signIn = signInFrom(values, io);
    const status = statusesFrom(values.status);
    const all = values.all === true;
    if (all && (values.limit !== undefined || values.offset !== undefined)) {
      throw new UsageError('--all lists every case: leave out --limit and --offset.');
    }
    const limit = all ? MAX_LIMIT : values.limit === undefined ? 50 : positiveCount(values.limit, 'limit', MAX_LIMIT);
    const offset = offsetFrom(values.offset);
    const query = caseloadQuerySchema.parse({ status, limit, offset });
    return withUnlockedVault(io, signIn, (vault) => {
      if (all && vault.user.role !== 'administrator') {
        throw new AppError('FORBIDDEN', 'Only an administrator can list every case (--all).');
      }
      const page = casesFor(vault, query, all);
      const rows = page.items.map((c) => ({
        reference: c.reference,
        status: c.status,
        leadWorker: c.leadWorkerName,
        assessmentDueDate: c.assessmentDueDate,
      }));
      if (values.json) {
        io.out(JSON.stringify({ total: page.total, moreThan: page.moreThan, cases: rows }, null, 2));
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
      io.out(
        offset > 0 && rows.length > 0
          ? `Cases ${offset + 1} to ${offset + rows.length} of ${page.moreThan ? 'more than ' : ''}${page.total} shown.`
          : `${rows.length} of ${page.moreThan ? `more than ${page.total.toLocaleString('en-GB')} cases` : countOf(page.total, 'case')} shown.`,
      );
      return EXIT.OK;
    });
  },
};

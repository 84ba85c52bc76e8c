/**
 * Caseload queries: the filtered, sorted, paged list. Each filter and sort maps onto an index
 * declared in m0020 (see the EXPLAIN QUERY PLAN test). Possible duplicates and the access log
 * are read from their own files and exported from here too, as the callers have always used them.
 */
import type { SessionUser } from '../../../preload/contract';
import type { CaseStatus } from '../../../preload/contract/case-records';
import type { CaseloadQuery } from '../../../preload/contract/cases';
import type { Db } from '../db/connection';
import { parseUserDate } from './dates';
import { searchKey } from './phonetic';
import { boundedTotal, countUpTo, type BoundedTotal } from '../db/bounded-count';
import { stmt } from '../db/statements';
import { visibleCaseCondition } from './visibility';
import { mineCondition, mineSide, type MineSide } from './caseload.mine';
import {
  CLOCK_APPLIES,
  CLOCK_PARTS,
  CLOCK_PART_INDEX,
  CLOCK_PART_ORDER,
  CLOCK_RANK,
  DUE_KEY,
  walksClockParts,
} from './caseload.clock-order';

export { accessLogSql, queryAccessLog, SESSION_LOOKBACK_ROWS } from './access-log.repo';
export { findDuplicates } from './duplicates.repo';
export { MINE_USER_SIDE_MAX, mineSide, type MineSide } from './caseload.mine';

export interface CaseloadRow {
  id: string;
  reference: string;
  status: CaseStatus;
  given_name: string | null;
  family_name: string | null;
  initials: string;
  date_of_birth: string | null;
  referral_date: string;
  lead_worker_id: string | null;
  lead_worker_name: string | null;
  assessment_due_date: string | null;
  assessment_completed_date: string | null;
  /** 1 when the case has a 12-week clock at all (CLOCK_APPLIES in caseload.clock-order.ts). */
  assessment_applies: 0 | 1;
  open_flags: number;
}

/** Upper bound for a prefix range: every string starting with `prefix` sorts below it. */
const prefixEnd = (prefix: string): string => `${prefix}\u{10FFFF}`;

/**
 * A page tests each case it walks in its sort order and stops after a page of matches, so its
 * flag and service tests are per-case (`page`). A count (`count`) instead joins the matching
 * cases from their own tables: the open flags' cases from the partial index flags_open, the
 * service's cases from case_services. Written `c.id IN (SELECT ...)`, SQLite first built the
 * whole list (6,500 Safe Home cases at 50,000) before the bounded count could stop; as a join it
 * reads cases one by one and stops at the bound (Safe Home 4.96 -> 1.94 ms, flagged 3.44 -> 2.22
 * ms at 50,000 cases). As a list or join for the page too, SQLite sorted every match instead of
 * walking the order.
 */
type Shape = 'page' | 'count';
const FLAGGED_EACH = 'EXISTS (SELECT 1 FROM flags f WHERE f.case_id = c.id AND f.cleared_at IS NULL)';
const COUNT_JOINS = {
  // DISTINCT: a case with two open flags is one case.
  flagged: 'JOIN (SELECT DISTINCT case_id FROM flags WHERE cleared_at IS NULL) f ON f.case_id = c.id',
  // case_services is keyed (case_id, service): at most one row per case and service.
  service: 'JOIN case_services cs ON cs.case_id = c.id',
};

interface Built {
  where: string;
  params: Record<string, unknown>;
  /** Joins the count adds after its FROM (see {@link Shape}); none for a page. */
  joins: string[];
}

/**
 * The WHERE clause for a caseload query (shared by the page and its count). With `orderScan`,
 * the status test is written `+c.status` and the service test as a per-case EXISTS, so SQLite
 * cannot drive the query from them and walks the sort order's index instead (see {@link useOrderScan}); same rows. With
 * `mine` answered from the user's side, the status test is `+c.status` too: the user's own cases
 * drive the query.
 */
export function caseloadWhere(
  user: SessionUser,
  q: CaseloadQuery,
  today: string,
  orderScan = false,
  mine: MineSide = 'user',
  shape: Shape = 'page',
): Built {
  const conds: string[] = [];
  const joins: string[] = [];
  const visible = visibleCaseCondition(user, 'c.id');
  conds.push(visible.sql);
  const params: Record<string, unknown> = { ...visible.params };
  const mineFromUserSide = q.mine && mine === 'user';
  if (q.mine) {
    conds.push(mineCondition(mine));
    params.me = user.id;
  }
  if (q.status.length > 0) {
    // Under "mine" from the user's side too: else SQLite drives the query from the status index
    // and tests every open case against the user's list, the very reading that plan avoids.
    conds.push(
      `${orderScan || mineFromUserSide ? '+' : ''}c.status IN (${q.status.map((_, i) => `@status${i}`).join(', ')})`,
    );
    q.status.forEach((s, i) => (params[`status${i}`] = s));
  }
  if (q.service) {
    // Walking the sort order, each case is tested by primary key: the IN list would first be
    // built from every case with the service (6,500 at 50,000 cases). Keyed on y.case_id (the
    // same case) so the test runs on the young person's index entry, before the case's row is
    // read: at 50,000 cases reading the row of every case walked cost more than the list.
    if (shape === 'count') {
      joins.push(COUNT_JOINS.service);
      conds.push('cs.service = @service');
    } else {
      conds.push(
        orderScan
          ? 'EXISTS (SELECT 1 FROM case_services cs WHERE cs.case_id = y.case_id AND cs.service = @service)'
          : 'c.id IN (SELECT case_id FROM case_services WHERE service = @service)',
      );
    }
    params.service = q.service;
  }
  if (q.leadWorkerId) {
    conds.push('c.lead_worker_id = @lead');
    params.lead = q.leadWorkerId;
  }
  if (q.overdue) {
    // Matches the partial index cases_clock_running. (Written as cases_clock_open's terms,
    // SQLite drove it from the status index instead; with `+c.status`, from this one again.)
    conds.push(
      `c.assessment_due_date IS NOT NULL AND c.assessment_completed_date IS NULL AND c.assessment_due_date < @today
       AND c.status NOT IN ('declined', 'closed') AND ${CLOCK_APPLIES}`,
    );
    params.today = today;
  }
  if (q.flagged) {
    if (shape === 'count') joins.push(COUNT_JOINS.flagged);
    else conds.push(FLAGGED_EACH);
  }
  const search = q.search.trim();
  if (search) {
    const dob = parseUserDate(search);
    if (dob) {
      conds.push('y.date_of_birth = @dob');
      params.dob = dob;
    } else if (/^nc[-\s]?\d/i.test(search) || /^nc-?$/i.test(search) || /^\d{4}(-\d*)?$/.test(search)) {
      // `NC-2024-01`, `nc 2024`, or just `2024-01` (the NC- is implied).
      const ref = (/^\d/.test(search) ? `NC-${search}` : search.toUpperCase())
        .replace(/\s/g, '-')
        .replace(/^NC(?=\d)/, 'NC-');
      conds.push('c.reference >= @refLo AND c.reference < @refHi');
      params.refLo = ref;
      params.refHi = prefixEnd(ref);
    } else {
      const words = searchKey(search).split(' ').filter(Boolean);
      const [first = '', second] = words;
      params.n1 = first;
      params.n1End = prefixEnd(first);
      if (second) {
        params.n2 = second;
        params.n2End = prefixEnd(second);
        conds.push(`((y.search_given >= @n1 AND y.search_given < @n1End AND y.search_family >= @n2 AND y.search_family < @n2End)
          OR (y.search_family >= @n1 AND y.search_family < @n1End AND y.search_given >= @n2 AND y.search_given < @n2End))`);
      } else {
        conds.push(`((y.search_family >= @n1 AND y.search_family < @n1End)
          OR (y.search_given >= @n1 AND y.search_given < @n1End))`);
      }
    }
  }
  return { where: conds.join(' AND '), params, joins };
}

/** Each sort as one ORDER BY (exported so a test can check a page read another way against it). */
export const ORDER: Record<CaseloadQuery['sort'], (dir: string) => string> = {
  reference: (d) => `c.reference ${d}`,
  name: (d) => `y.search_family ${d}, y.search_given ${d}, y.case_id ${d}`,
  referral_date: (d) => `c.referral_date ${d}, c.id ${d}`,
  // The clock order in one sort (filtered pages); CLOCK_PART_ORDER within each part of it.
  due_date: (d) =>
    `${CLOCK_RANK} ${d}, ${DUE_KEY} ${d}, CASE WHEN ${CLOCK_RANK} = 1 THEN c.reference ELSE c.id END ${d}`,
};

/**
 * From how many matching cases a page should walk its sort order's index (see
 * {@link useOrderScan}), or null when it never should: the count must reach this far to decide.
 */
export function orderScanThreshold(q: CaseloadQuery): number | null {
  const statusOrServiceOnly =
    (q.status.length > 0 || Boolean(q.service)) &&
    !q.leadWorkerId &&
    !q.mine &&
    !q.overdue &&
    !q.flagged &&
    q.search.trim() === '';
  // cases_status_reference / cases_status_referral already give this order without a sort.
  const indexGivesOrder = !q.service && q.status.length === 1 && (q.sort === 'reference' || q.sort === 'referral_date');
  return statusOrServiceOnly && !indexGivesOrder ? 20 * (q.offset + q.limit) : null;
}

/**
 * Whether a page filtered only by status and/or service should walk its sort order's index
 * rather than the status index or the service list. SQLite (even with sqlite_stat4) drives such
 * a query from cases_status_* or case_services and then sorts every matching case: about 3,000
 * "open" cases at 10,000 (8-12 ms, most of the page's time). Walking the sort index instead stops after about (offset + limit) x all / matching rows,
 * which is cheap when the statuses are common and up to a full index walk when they are rare.
 * So: only when status and/or service are the only filters, no index already gives the order,
 * and the count (run first) shows at least 20 matching cases per row wanted.
 */
export function useOrderScan(q: CaseloadQuery, matching: number): boolean {
  const threshold = orderScanThreshold(q);
  return threshold !== null && matching >= threshold;
}

/** The queries that read one caseload page: one part for most sorts, three for the clock order. */
export interface CaseloadSql {
  /** The first part's page query (what the plan tests EXPLAIN). */
  sql: string;
  /** The rows the count reads (`SELECT 1 ...`), bounded by bounded-count.ts when it runs. */
  countRowsSql: string;
  /** Each part, in reading order, with its page query and the rows its own count reads. */
  parts: { sql: string; countRowsSql: string }[];
  params: Record<string, unknown>;
}

/** The SQL of one caseload page; exported so the plan test can EXPLAIN exactly what runs. */
export function caseloadSql(
  user: SessionUser,
  q: CaseloadQuery,
  today: string,
  orderScan = false,
  mine: MineSide = 'user',
): CaseloadSql {
  const { where, params } = caseloadWhere(user, q, today, orderScan, mine);
  const dir = q.direction === 'asc' ? 'ASC' : 'DESC';
  const casesFrom = (index: string | null) => `FROM cases c${index ? ` INDEXED BY ${index}` : ''}`;
  const fromIndexed = (index: string | null = null) => `${casesFrom(index)} JOIN young_people y ON y.case_id = c.id`;
  // A count reads the young person only when its conditions do (a search by name or date of
  // birth): every case has one (created with it; a bundle's case record must carry it), so the
  // join changes no count, and without it each of the up to 1,001 rows counted is one index read
  // instead of two (the unfiltered count 0.98 -> 0.06 ms at 50,000 cases).
  const countFrom = (cond: string, index: string | null = null) =>
    /\by\./.test(cond) ? fromIndexed(index) : casesFrom(index);
  const byParts = q.sort === 'due_date' && walksClockParts(q);
  // Every overdue case is in the clock order's first part (a running clock, open, due before
  // today), so by the clock an overdue page is that part alone, in its order along
  // cases_clock_open; the one sorted query evaluated the sort key of every overdue case first
  // (55 ms at 50,000 cases, 1,485 overdue). Not under the filters that drive from their own index.
  const overdueByClock = q.sort === 'due_date' && q.overdue && walksClockParts({ ...q, overdue: false });
  const page = (cond: string, order: string, partFrom: string) =>
    `SELECT c.id, c.reference, c.status, y.given_name, y.family_name, y.initials, y.date_of_birth, c.referral_date,
            c.lead_worker_id, (SELECT display_name FROM users u WHERE u.id = c.lead_worker_id) AS lead_worker_name,
            c.assessment_due_date, c.assessment_completed_date, ${CLOCK_APPLIES} AS assessment_applies,
            (SELECT count(*) FROM flags f WHERE f.case_id = c.id AND f.cleared_at IS NULL) AS open_flags
          ${partFrom} WHERE ${cond} ORDER BY ${order} LIMIT @limit OFFSET @offset`;
  const counting = caseloadWhere(user, q, today, orderScan, mine, 'count');
  const countRowsSql = `SELECT 1 ${[countFrom(counting.where), ...counting.joins].join(' ')} WHERE ${counting.where}`;
  const clockPart = (i: number): [string, string, string | null] => [
    `${where} AND ${CLOCK_PARTS[i] ?? ''}`,
    CLOCK_PART_ORDER[i]?.(dir) ?? '',
    CLOCK_PART_INDEX[i] ?? null,
  ];
  const inOrder: [string, string, string | null][] = byParts
    ? CLOCK_PARTS.map((_, i) => clockPart(i))
    : overdueByClock
      ? [clockPart(0)]
      : [[where, ORDER[q.sort](dir), null]];
  if (byParts && dir === 'DESC') inOrder.reverse();
  const parts = inOrder.map(([cond, order, index]) => ({
    sql: page(cond, order, fromIndexed(index)),
    countRowsSql: `SELECT 1 ${countFrom(cond, index)} WHERE ${cond}`,
  }));
  return {
    sql: parts[0]?.sql ?? '',
    // The overdue count reads the same index as its page.
    countRowsSql: overdueByClock ? (parts[0]?.countRowsSql ?? countRowsSql) : countRowsSql,
    parts,
    params: { ...params, limit: q.limit, offset: q.offset },
  };
}

/**
 * Read rows `offset` to `offset + limit` of the parts in order. A later part is reached only
 * when the earlier ones run out: at offset 0 that costs nothing extra; further on, each part
 * wholly before the page is counted instead of read.
 */
export function readCaseloadPage(db: Db, built: CaseloadSql, offset: number, limit: number): CaseloadRow[] {
  const { limit: _limit, offset: _offset, ...params } = built.params;
  const rows: CaseloadRow[] = [];
  let skip = offset;
  for (const [i, part] of built.parts.entries()) {
    const wanted = limit - rows.length;
    if (wanted <= 0) break;
    if (skip > 0 && i < built.parts.length - 1) {
      // Only whether the part holds more than `skip` cases matters: count no further.
      const n = countUpTo(db, part.countRowsSql, params, skip);
      if (n <= skip) {
        skip -= n;
        continue;
      }
    }
    rows.push(...(stmt(db, part.sql).all({ ...params, limit: wanted, offset: skip }) as CaseloadRow[]));
    skip = 0;
  }
  return rows;
}

export function queryCaseload(
  db: Db,
  user: SessionUser,
  q: CaseloadQuery,
  today: string,
): { rows: CaseloadRow[] } & BoundedTotal {
  const mine = q.mine ? mineSide(db, user.id) : 'user';
  const { countRowsSql, params } = caseloadSql(user, q, today, false, mine);
  const { limit: _limit, offset: _offset, ...countParams } = params;
  // The count first: it decides how the page is read (useOrderScan), not what it holds. It is
  // bounded, and reaches as far as that decision needs.
  const counted = boundedTotal(db, countRowsSql, countParams, q, orderScanThreshold(q) ?? 0);
  const built = caseloadSql(user, q, today, useOrderScan(q, counted.total), mine);
  return { rows: readCaseloadPage(db, built, q.offset, q.limit), ...counted };
}

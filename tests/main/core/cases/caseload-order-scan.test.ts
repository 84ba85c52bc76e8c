/**
 * The caseload's order scan (caseload.repo.ts, useOrderScan) changes how a page filtered by
 * status or service is read, never what it holds: for every filter/sort/direction combination,
 * the rows and their order must be identical with and without it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseloadQuerySchema } from '../../../../preload/contract/cases';
import {
  caseloadSql,
  caseloadWhere,
  ORDER,
  readCaseloadPage,
  useOrderScan,
} from '../../../../main/core/cases/caseload.repo';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { makeVault, type TestVault } from './fixtures';

const TODAY = '2025-12-31';
let t: TestVault;

beforeAll(async () => {
  t = await makeVault(`${TODAY}T12:00:00Z`);
  generateDemoData(t.vault, { cases: 300, seed: 'order-scan', referenceDate: TODAY, notesPerCase: [0, 1] });
}, 120_000);
afterAll(() => t?.cleanup());

const FILTERS: Record<string, unknown>[] = [
  { status: ['active'] },
  { status: ['referred', 'accepted', 'active'] },
  { status: ['closed'] },
  { status: ['declined', 'referred'] },
  { service: 'safe_home' },
  { service: 'safe_home', status: ['active'] },
];
const SORTS = ['reference', 'name', 'referral_date', 'due_date'] as const;

describe('caseload order scan', () => {
  it('returns the same rows in the same order as the status-index plan', () => {
    for (const filter of FILTERS) {
      for (const sort of SORTS) {
        for (const direction of ['asc', 'desc'] as const) {
          for (const offset of [0, 10]) {
            const q = caseloadQuerySchema.parse({ ...filter, sort, direction, offset, limit: 10 });
            const normal = caseloadSql(t.vault.user, q, TODAY);
            const scan = caseloadSql(t.vault.user, q, TODAY, true);
            expect(scan.sql).toMatch(
              /\+c\.status IN|EXISTS \(SELECT 1 FROM case_services cs WHERE cs\.case_id = y\.case_id/,
            );
            // The clock order is read in parts (readCaseloadPage): compare whole pages.
            const a = readCaseloadPage(t.vault.db, normal, offset, 10);
            const b = readCaseloadPage(t.vault.db, scan, offset, 10);
            expect(a.length, JSON.stringify(filter)).toBeGreaterThan(0);
            expect(b, `${JSON.stringify(filter)} ${sort} ${direction} @${offset}`).toEqual(a);
          }
        }
      }
    }
  });

  it('is used only for common statuses or services, with no other filter, when no index gives the order', () => {
    const q = (over: Record<string, unknown>) => caseloadQuerySchema.parse(over);
    expect(useOrderScan(q({ status: ['active'], sort: 'due_date' }), 3000)).toBe(true);
    expect(useOrderScan(q({ status: ['referred', 'active'], sort: 'reference' }), 3000)).toBe(true);
    // Rare statuses: sorting the few matching cases is cheaper than walking the sort index.
    expect(useOrderScan(q({ status: ['referred'], sort: 'due_date' }), 120)).toBe(false);
    // cases_status_reference / cases_status_referral already give these orders.
    expect(useOrderScan(q({ status: ['active'], sort: 'reference' }), 3000)).toBe(false);
    expect(useOrderScan(q({ status: ['active'], sort: 'referral_date' }), 3000)).toBe(false);
    // Another filter drives the query from its own index.
    expect(useOrderScan(q({ status: ['active'], sort: 'name', search: 'hug' }), 3000)).toBe(false);
    expect(useOrderScan(q({ status: ['active'], sort: 'name', flagged: true }), 3000)).toBe(false);
    expect(useOrderScan(q({ sort: 'name' }), 10000)).toBe(false);
    expect(useOrderScan(q({ service: 'safe_home', sort: 'name' }), 3000)).toBe(true);
    expect(useOrderScan(q({ service: 'safe_home', sort: 'name' }), 100)).toBe(false);
  });

  it('reads an overdue page by the clock as the first part alone, the same rows as the one sorted query', () => {
    let compared = 0;
    for (const filter of [{}, { status: ['active'] }, { service: 'safe_home' }])
      for (const direction of ['asc', 'desc'] as const)
        for (const offset of [0, 5]) {
          const q = caseloadQuerySchema.parse({
            ...filter,
            overdue: true,
            sort: 'due_date',
            direction,
            offset,
            limit: 5,
          });
          const built = caseloadSql(t.vault.user, q, TODAY);
          expect(built.parts).toHaveLength(1);
          expect(built.sql).toContain('INDEXED BY cases_clock_open');
          const { where, params } = caseloadWhere(t.vault.user, q, TODAY);
          const sorted = t.vault.db
            .prepare(
              `SELECT c.id FROM cases c JOIN young_people y ON y.case_id = c.id WHERE ${where}
               ORDER BY ${ORDER.due_date(direction === 'asc' ? 'ASC' : 'DESC')} LIMIT 5 OFFSET ${offset}`,
            )
            .all(params) as { id: string }[];
          const page = readCaseloadPage(t.vault.db, built, offset, 5).map((r) => r.id);
          expect(page, `${JSON.stringify(filter)} ${direction} @${offset}`).toEqual(sorted.map((r) => r.id));
          if (page.length > 0) compared++;
        }
    expect(compared).toBeGreaterThanOrEqual(4);
  });
});

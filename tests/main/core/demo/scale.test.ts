/**
 * The caseload at 10,000 cases: every common page and search must be read through an index
 * (EXPLAIN QUERY PLAN), never by scanning the cases table. Timings are printed, not asserted:
 * this machine is shared and timings would make the test flaky.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseloadQuerySchema, type CaseloadQuery } from '../../../../preload/contract/cases';
import { caseloadSql, findDuplicates } from '../../../../main/core/cases/caseload.repo';
import { listCaseload } from '../../../../main/core/cases/caseload.service';
import { boundedCountSql, COUNT_BOUND, COUNT_CAP_PARAM, countUpTo } from '../../../../main/core/db/bounded-count';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { searchCaseNotes } from '../../../../main/core/search/search.service';
import { makeVault, type TestVault } from '../cases/fixtures';

const CASES = 10_000;
const TODAY = '2025-12-31';
let t: TestVault;

beforeAll(async () => {
  t = await makeVault(`${TODAY}T12:00:00Z`);
  // Notes are kept few here (the plan test is about the caseload); the full 25-per-case
  // volume is measured by the demo benchmark in the report.
  const result = generateDemoData(t.vault, {
    cases: CASES,
    seed: 'plan-test',
    referenceDate: TODAY,
    notesPerCase: [0, 2],
  });
  console.log(`seeded ${result.cases} cases, ${result.notes} notes, ${result.people} people in ${result.ms} ms`);
}, 600_000);
afterAll(() => t?.cleanup());

function plan(sql: string, params: Record<string, unknown>): string[] {
  const rows = t.vault.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[];
  return rows.map((r) => r.detail);
}

/** A SCAN of cases or young_people that is not in index order reads the whole table. */
function fullScans(details: string[]): string[] {
  return details.filter((d) => /^SCAN (c|y)$/.test(d) || /^SCAN (c|y) (?!USING (COVERING )?INDEX)/.test(d));
}

const QUERIES: [string, Partial<CaseloadQuery>][] = [
  ['default page (referral date, newest first)', {}],
  ['active cases by referral date', { status: ['active'] }],
  [
    'open statuses sorted by reference',
    { status: ['referred', 'accepted', 'active'], sort: 'reference', direction: 'asc' },
  ],
  ['sorted by name', { sort: 'name', direction: 'asc' }],
  ['sorted by due date', { sort: 'due_date', direction: 'asc' }],
  ['overdue', { overdue: true, sort: 'due_date', direction: 'asc' }],
  ['flagged', { flagged: true }],
  ['service: safe home', { service: 'safe_home' }],
  ['search: reference prefix', { search: 'NC-2024-01' }],
  ['search: name prefix', { search: 'hug' }],
  ['search: given and family', { search: 'amelia hu' }],
  ['search: date of birth (UK format)', { search: '14/03/2010' }],
];

describe(`caseload at ${CASES.toLocaleString('en-GB')} cases`, () => {
  it.each(QUERIES)('%s uses indexes', (_name, over) => {
    const q = caseloadQuerySchema.parse(over);
    const { sql, countRowsSql, params } = caseloadSql(t.vault.user, q, TODAY);
    const pagePlan = plan(sql, params);
    expect(fullScans(pagePlan), pagePlan.join('\n')).toEqual([]);
    const { limit: _l, offset: _o, ...countParams } = params;
    const countPlan = plan(boundedCountSql(countRowsSql), { ...countParams, [COUNT_CAP_PARAM]: COUNT_BOUND + 1 });
    expect(fullScans(countPlan), countPlan.join('\n')).toEqual([]);
    const started = performance.now();
    const page = listCaseload(t.vault, q);
    const ms = performance.now() - started;
    console.log(`${_name}: ${page.items.length} of ${page.total} in ${ms.toFixed(1)} ms\n  ${pagePlan.join('\n  ')}`);
  });

  it('counts no further than the bound, and says there are more', () => {
    // A function in the count's WHERE clause counts the rows SQLite reads: with the LIMIT inside
    // the subquery the walk stops one past the bound, where a plain count read all 10,000.
    let reads = 0;
    t.vault.db.function('bound_probe', { deterministic: false }, () => {
      reads++;
      return 1;
    });
    for (const over of [
      {},
      { status: ['referred', 'accepted', 'active'] },
      { sort: 'name' },
    ] as Partial<CaseloadQuery>[]) {
      const q = caseloadQuerySchema.parse(over);
      const { countRowsSql, params } = caseloadSql(t.vault.user, q, TODAY);
      const { limit: _l, offset: _o, ...countParams } = params;
      reads = 0;
      const n = countUpTo(t.vault.db, `${countRowsSql} AND bound_probe()`, countParams, COUNT_BOUND);
      expect(n, JSON.stringify(over)).toBe(COUNT_BOUND + 1);
      expect(reads, JSON.stringify(over)).toBe(COUNT_BOUND + 1);
      const page = listCaseload(t.vault, q);
      expect(page.total).toBe(COUNT_BOUND);
      expect(page.moreThan).toBe(true);
      expect(page.items).toHaveLength(q.limit);
    }
    // Flagged cases are counted from the open flags (a list), the page tests each case: same cases.
    const flagged = listCaseload(t.vault, caseloadQuerySchema.parse({ flagged: true, limit: 500 }));
    const open = t.vault.db.prepare('SELECT DISTINCT case_id AS id FROM flags WHERE cleared_at IS NULL').all() as {
      id: string;
    }[];
    expect(flagged.total).toBe(Math.min(open.length, COUNT_BOUND));
    expect(flagged.items.every((c) => c.openFlags > 0)).toBe(true);
    // A filter with fewer matches than the bound is counted exactly.
    const few = listCaseload(t.vault, caseloadQuerySchema.parse({ status: ['referred'] }));
    expect(few.moreThan).toBe(false);
    expect(few.total).toBe(
      (t.vault.db.prepare(`SELECT count(*) AS n FROM cases WHERE status = 'referred'`).get() as { n: number }).n,
    );
  });

  it('counts flagged and service cases from their own tables, stopping at the bound, same cases as a plain count', () => {
    const count = (sql: string) => (t.vault.db.prepare(sql).get() as { n: number }).n;
    const flaggedSql = 'SELECT DISTINCT case_id FROM flags WHERE cleared_at IS NULL';
    const safeHomeSql = `SELECT case_id FROM case_services WHERE service = 'safe_home'`;
    const activeSql = `SELECT id FROM cases WHERE status = 'active'`;
    const cases: [Partial<CaseloadQuery>, string][] = [
      [{ flagged: true }, flaggedSql],
      [{ service: 'safe_home' }, safeHomeSql],
      [{ flagged: true, service: 'safe_home' }, `${flaggedSql} INTERSECT ${safeHomeSql}`],
      [{ service: 'safe_home', status: ['active'] }, `${safeHomeSql} INTERSECT ${activeSql}`],
    ];
    for (const [over, plainSql] of cases) {
      const q = caseloadQuerySchema.parse(over);
      const { countRowsSql, params } = caseloadSql(t.vault.user, q, TODAY);
      const { limit: _l, offset: _o, ...countParams } = params;
      // No list built first: the IN (SELECT ...) form made SQLite read every match before the bound.
      const countPlan = plan(boundedCountSql(countRowsSql), { ...countParams, [COUNT_CAP_PARAM]: COUNT_BOUND + 1 });
      expect(
        countPlan.some((d) => d.includes('LIST SUBQUERY')),
        countPlan.join('\n'),
      ).toBe(false);
      const plain = count(`SELECT count(*) AS n FROM (${plainSql})`);
      expect(countUpTo(t.vault.db, countRowsSql, countParams, CASES), JSON.stringify(over)).toBe(plain);
    }
    // Safe Home has more cases than the bound here: the count reads one past it and stops.
    expect(count(`SELECT count(*) AS n FROM (${safeHomeSql})`)).toBeGreaterThan(COUNT_BOUND);
    let reads = 0;
    t.vault.db.function('service_probe', { deterministic: false }, () => {
      reads++;
      return 1;
    });
    const q = caseloadQuerySchema.parse({ service: 'safe_home' });
    const { countRowsSql, params } = caseloadSql(t.vault.user, q, TODAY);
    const { limit: _l, offset: _o, ...countParams } = params;
    expect(countUpTo(t.vault.db, `${countRowsSql} AND service_probe()`, countParams, COUNT_BOUND)).toBe(
      COUNT_BOUND + 1,
    );
    expect(reads).toBe(COUNT_BOUND + 1);
  });

  it('counts read the young person only when searching by it, and count what a plain count does', () => {
    const readsYoungPeople = (details: string[]) => details.some((d) => /\b(young_people|y)\b/.test(d));
    const total = (t.vault.db.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    for (const [over, joins] of [
      [{}, false],
      [{ status: ['active'] }, false],
      [{ overdue: true, sort: 'due_date', direction: 'asc' }, false],
      [{ flagged: true }, false],
      [{ search: 'NC-2024-01' }, false],
      [{ search: 'hug' }, true],
      [{ search: '14/03/2010' }, true],
    ] as [Partial<CaseloadQuery>, boolean][]) {
      const q = caseloadQuerySchema.parse(over);
      const { countRowsSql, params } = caseloadSql(t.vault.user, q, TODAY);
      const { limit: _l, offset: _o, ...countParams } = params;
      const countPlan = plan(boundedCountSql(countRowsSql), { ...countParams, [COUNT_CAP_PARAM]: COUNT_BOUND + 1 });
      expect(readsYoungPeople(countPlan), `${JSON.stringify(over)}\n${countPlan.join('\n')}`).toBe(joins);
    }
    const all = caseloadSql(t.vault.user, caseloadQuerySchema.parse({}), TODAY);
    const { limit: _l, offset: _o, ...allParams } = all.params;
    expect(countUpTo(t.vault.db, all.countRowsSql, allParams, CASES)).toBe(total);
  });

  it('unfiltered pages sorted by an indexed column need no sort step', () => {
    for (const sort of ['reference', 'name', 'referral_date', 'due_date'] as const) {
      const { sql, params } = caseloadSql(t.vault.user, caseloadQuerySchema.parse({ sort }), TODAY);
      expect(plan(sql, params).join('\n')).not.toMatch(/TEMP B-TREE FOR ORDER BY/);
    }
  });

  it('pages deep into the list and finds duplicates through indexes', () => {
    const last = listCaseload(t.vault, caseloadQuerySchema.parse({ offset: CASES - 20, limit: 50 }));
    expect(last.items).toHaveLength(20);
    expect(last.total).toBe(CASES);
    const dupPlan = plan(
      `SELECT 1 FROM young_people y JOIN cases c ON c.id = y.case_id WHERE y.date_of_birth = @dob AND (y.phon_family = @pf OR y.phon_given = @pg)`,
      { dob: '2010-01-01', pf: '242', pg: '5' },
    );
    expect(fullScans(dupPlan), dupPlan.join('\n')).toEqual([]);
    const started = performance.now();
    findDuplicates(t.vault.db, {
      givenName: 'Amelia',
      familyName: 'Hughes',
      dateOfBirth: '2010-03-14',
      localAuthority: 'Leeds',
    });
    console.log(`duplicate check: ${(performance.now() - started).toFixed(1)} ms`);
  });

  it('full-text search groups results over the whole vault', () => {
    const started = performance.now();
    const res = searchCaseNotes(t.vault, 'safety plan', 20, 0);
    console.log(`search "safety plan": ${res.total} cases in ${(performance.now() - started).toFixed(1)} ms`);
    expect(res.items.length).toBeGreaterThan(0);
  });
});

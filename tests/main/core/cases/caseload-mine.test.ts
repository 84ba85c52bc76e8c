/**
 * "My cases" on the caseload is answered from the user's side (caseload.repo.ts, caseloadWhere)
 * for a user holding up to MINE_USER_SIDE_MAX cases: their cases from cases_lead_worker and
 * case_clinicians_user, each looked up by id. It must hold the same rows, in the same order, as
 * testing every case for the user, and its plan must never walk the status index (every open
 * case) to find them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../../preload/contract';
import { caseloadQuerySchema } from '../../../../preload/contract/cases';
import {
  caseloadSql,
  MINE_USER_SIDE_MAX,
  mineSide,
  queryCaseload,
  readCaseloadPage,
} from '../../../../main/core/cases/caseload.repo';
import { setClinicians } from '../../../../main/core/cases/cases.repo';
import { boundedCountSql, COUNT_BOUND, COUNT_CAP_PARAM } from '../../../../main/core/db/bounded-count';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { makeVault, type TestVault } from './fixtures';

const TODAY = '2025-12-31';
const MINE_FROM_USER_SIDE =
  'c.id IN (SELECT id FROM cases WHERE lead_worker_id = @me UNION ALL SELECT case_id FROM case_clinicians WHERE user_id = @me)';
/** The condition "mine" had before: every case tested for the user. */
const MINE_PER_CASE =
  '(c.lead_worker_id = @me OR EXISTS (SELECT 1 FROM case_clinicians cc WHERE cc.case_id = c.id AND cc.user_id = @me))';

let t: TestVault;
const users: Record<'busy' | 'few' | 'many', SessionUser> = {} as never;

beforeAll(async () => {
  t = await makeVault(`${TODAY}T12:00:00Z`);
  for (const username of ['cara', 'gwen', 'hana'])
    await t.vault.addUser({ username, displayName: username, password: 'a long enough password', role: 'clinician' });
  generateDemoData(t.vault, { cases: 300, seed: 'mine', referenceDate: TODAY, notesPerCase: [0, 1] });
  const byName = (n: string) => t.vault.listUsers().find((u) => u.username === n)?.id ?? '';
  users.busy = { ...t.vault.user, id: byName('cara') };
  users.few = { ...t.vault.user, id: byName('gwen') };
  users.many = { ...t.vault.user, id: byName('hana') };
  // Gwen's few cases, of every status: lead only, allocated only, and both (counted once).
  const ids = (t.vault.db.prepare('SELECT id FROM cases ORDER BY reference').all() as { id: string }[]).map(
    (c) => c.id,
  );
  ids.slice(0, 60).forEach((id, i) => {
    if (i % 3 !== 1) t.vault.db.prepare('UPDATE cases SET lead_worker_id = ? WHERE id = ?').run(users.few.id, id);
    if (i % 3 !== 0) setClinicians(t.vault.db, id, [users.few.id, users.busy.id]);
  });
}, 120_000);
afterAll(() => t?.cleanup());

const STATUSES = [[], ['active'], ['referred', 'accepted', 'active'], ['closed', 'declined']];
const SORTS = ['reference', 'name', 'referral_date', 'due_date'] as const;
const OTHER = [{}, { search: 'NC-20' }, { flagged: true }];

function plan(sql: string, params: Record<string, unknown>): string {
  const rows = t.vault.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('my cases', () => {
  it('are the same rows in the same order as testing every case for the user', () => {
    let compared = 0;
    for (const user of Object.values(users))
      for (const status of STATUSES)
        for (const other of OTHER)
          for (const sort of SORTS)
            for (const direction of ['asc', 'desc'] as const)
              for (const offset of [0, 10]) {
                const q = caseloadQuerySchema.parse({
                  mine: true,
                  status,
                  ...other,
                  sort,
                  direction,
                  offset,
                  limit: 10,
                });
                const built = caseloadSql(user, q, TODAY);
                const perCase = (sql: string) =>
                  sql.replace(MINE_FROM_USER_SIDE, MINE_PER_CASE).replace('+c.status', 'c.status');
                const before = {
                  ...built,
                  countRowsSql: perCase(built.countRowsSql),
                  parts: built.parts.map((p) => ({ sql: perCase(p.sql), countRowsSql: perCase(p.countRowsSql) })),
                };
                expect(before.parts[0]?.sql).not.toContain(MINE_FROM_USER_SIDE);
                const label = `${user.id} ${JSON.stringify({ status, ...other })} ${sort} ${direction} @${offset}`;
                const { limit: _l, offset: _o, ...countParams } = built.params;
                const count = (rows: string) =>
                  t.vault.db.prepare(`SELECT count(*) AS n FROM (${rows})`).get(countParams);
                expect(count(built.countRowsSql), label).toEqual(count(before.countRowsSql));
                const page = readCaseloadPage(t.vault.db, built, offset, 10);
                expect(page, label).toEqual(readCaseloadPage(t.vault.db, before, offset, 10));
                if (page.length > 0) compared++;
              }
    // The matrix is not vacuous: most combinations have rows to compare.
    expect(compared).toBeGreaterThan(200);
  });

  it('reads the same rows from either side, and from the user’s side while they hold few cases', () => {
    expect(mineSide(t.vault.db, users.few.id)).toBe('user');
    expect(mineSide(t.vault.db, users.busy.id)).toBe('user');
    // Hana leads 201 cases (none of Gwen's) and is allocated to all 300: 501 entries, past the bound.
    const ids = (t.vault.db.prepare('SELECT id FROM cases ORDER BY reference DESC').all() as { id: string }[]).map(
      (c) => c.id,
    );
    expect(MINE_USER_SIDE_MAX).toBe(500);
    ids.forEach((id, i) => {
      if (i < 201) t.vault.db.prepare('UPDATE cases SET lead_worker_id = ? WHERE id = ?').run(users.many.id, id);
      t.vault.db
        .prepare('INSERT OR IGNORE INTO case_clinicians (case_id, user_id) VALUES (?, ?)')
        .run(id, users.many.id);
    });
    expect(mineSide(t.vault.db, users.many.id)).toBe('case');
    for (const status of STATUSES)
      for (const sort of SORTS) {
        const q = caseloadQuerySchema.parse({ mine: true, status, sort, direction: 'asc', limit: 10 });
        const fromUser = caseloadSql(users.many, q, TODAY, false, 'user');
        const perCase = caseloadSql(users.many, q, TODAY, false, 'case');
        expect(perCase.sql).toContain(MINE_PER_CASE);
        const page = queryCaseload(t.vault.db, users.many, q, TODAY);
        expect(page.rows).toEqual(readCaseloadPage(t.vault.db, fromUser, 0, 10));
        expect(page.rows).toEqual(readCaseloadPage(t.vault.db, perCase, 0, 10));
        expect(page.total).toBeGreaterThan(0);
      }
  });

  it('counts and pages from the user’s cases, never every open case through the status index', () => {
    for (const status of STATUSES)
      for (const sort of SORTS) {
        const q = caseloadQuerySchema.parse({ mine: true, status, sort, direction: 'asc' });
        const { sql, countRowsSql, params } = caseloadSql(users.few, q, TODAY);
        const { limit: _l, offset: _o, ...countParams } = params;
        const counted = plan(boundedCountSql(countRowsSql), { ...countParams, [COUNT_CAP_PARAM]: COUNT_BOUND + 1 });
        for (const p of [plan(sql, params), counted]) {
          expect(p, `${sort} ${status.join(',')}`).not.toMatch(/INDEX cases_status_|SCAN c\b/);
          expect(p).toMatch(/SEARCH cases USING (COVERING )?INDEX cases_lead_worker \(lead_worker_id=\?\)/);
          expect(p).toMatch(/SEARCH case_clinicians USING (COVERING )?INDEX case_clinicians_user \(user_id=\?\)/);
          expect(p).toMatch(/SEARCH c USING (COVERING )?INDEX sqlite_autoindex_cases_1 \(id=\?\)/);
        }
      }
  });
});

/**
 * The Records retention review list reads its page and its count as a range of the partial index
 * `case_retention_review` (review_date, case_id), in index order: no scan of case_retention or of
 * cases, no sort. At 10,000 cases a scan and a sort of every closed case is what would push
 * retention_list_ms past its 15 ms target.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedCountSql, COUNT_CAP_PARAM } from '../../../../main/core/db/bounded-count';
import { REVIEW_COUNT_ROWS_SQL, REVIEW_PAGE_SQL } from '../../../../main/core/retention/retention.repo';
import type { OpenVault } from '../../../../main/core/vault/vault';
import { newVault, tempDirs, vaultDirIn } from '../temp-vault';

const dirs = tempDirs('ncats-retention-plans-');
let vault: OpenVault;

beforeAll(async () => {
  vault = (await newVault(vaultDirIn(dirs.make()))).vault;
});
afterAll(() => {
  vault.close();
  dirs.cleanup();
});

function plan(sql: string, ...params: unknown[]): string {
  const rows = vault.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((r) => r.detail).join('\n');
}

describe('the retention review list’s query plans', () => {
  it.each(['ASC', 'DESC'] as const)(
    'reads a page (%s) from the review index in order, then each case by key',
    (dir) => {
      const p = plan(REVIEW_PAGE_SQL(dir), '2026-06-30', 25, 0);
      // review_date > ? is the partial index's IS NOT NULL; < ? the range's end.
      expect(p).toMatch(/SEARCH r USING (COVERING )?INDEX case_retention_review \(review_date>\? AND review_date<\?\)/);
      expect(p).toMatch(/SEARCH c USING INDEX sqlite_autoindex_cases_1 \(id=\?\)/);
      expect(p).toMatch(/SEARCH p USING INDEX sqlite_autoindex_disposal_proposals_2 \(case_id=\?\)/);
      expect(p).toMatch(/SEARCH u USING INDEX sqlite_autoindex_users_1 \(id=\?\)/);
      expect(p).not.toMatch(/SCAN (r|c|p)\b/);
      expect(p).not.toMatch(/TEMP B-TREE/);
    },
  );

  it('counts from the same index alone, up to the bound', () => {
    const p = plan(boundedCountSql(REVIEW_COUNT_ROWS_SQL), { until: '2026-06-30', [COUNT_CAP_PARAM]: 1001 });
    expect(p).toMatch(/SEARCH case_retention USING COVERING INDEX case_retention_review/);
    expect(p).not.toMatch(/SCAN case_retention/);
  });
});

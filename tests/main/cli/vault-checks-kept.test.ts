/**
 * `ncats verify`'s kept counts check (main/cli/vault-checks.ts, main/core/stats/kept-tallies.ts):
 * the tallies migration 290's triggers keep are what a fresh count of the records gives. A real
 * vault with demo data; the check passes, leaves every row as it was, and names the table whose
 * count has been made wrong.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runVaultChecks } from '../../../main/cli/vault-checks';
import { generateDemoData } from '../../../main/core/demo/generate';
import { KEPT_TABLES } from '../../../main/core/stats/kept-tallies';
import { makeVault, type TestVault } from '../core/cases/fixtures';

const KEPT_CHECK = 'Kept counts (statistics, Safe Home summary, plan clinicians)';
let t: TestVault | undefined;
afterEach(() => t?.cleanup());

const everyKeptRow = (vault: TestVault['vault']) =>
  KEPT_TABLES.map((k) => vault.db.prepare(`SELECT ${k.columns} FROM ${k.table} ORDER BY ${k.columns}`).all());

describe('the kept counts check', () => {
  it('passes on a demo vault without changing a row, and fails naming a tally made wrong', async () => {
    t = await makeVault('2025-12-31T12:00:00Z');
    generateDemoData(t.vault, { cases: 40, seed: 'kept-check', referenceDate: '2025-12-31', notesPerCase: [0, 1] });
    const rows = everyKeptRow(t.vault);
    expect(rows.every((r) => r.length > 0)).toBe(true);

    const passed = runVaultChecks(t.vault).find((c) => c.name === KEPT_CHECK);
    expect(passed).toMatchObject({
      ok: true,
      details: [`${KEPT_TABLES.length} kept tables, each the same as a fresh count`],
    });
    expect(everyKeptRow(t.vault)).toEqual(rows);

    t.vault.db.exec(
      `UPDATE stats_month_counts SET n = n + 1
        WHERE (tally, month, grp) = (SELECT tally, month, grp FROM stats_month_counts WHERE n > 0 ORDER BY 1, 2, 3 LIMIT 1)`,
    );
    const failed = runVaultChecks(t.vault).find((c) => c.name === KEPT_CHECK);
    expect(failed?.ok).toBe(false);
    expect(failed?.details).toHaveLength(1);
    expect(failed?.details[0]).toContain('stats_month_counts');
    expect(failed?.details[0]).toContain('2 rows');
  });
});

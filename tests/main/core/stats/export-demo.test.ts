/**
 * The anonymised export of a demo vault (200 cases over several years) holds no identifier in any
 * cell: no case reference, no name of a young person, a person in their network or a user, no
 * user name, NHS number or date of birth. The period columns are the period asked for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { computeStatistics, exportStatistics } from '../../../../main/core/stats/stats.service';
import { makeVault, type TestVault } from '../cases/fixtures';

let t: TestVault;
beforeAll(async () => {
  t = await makeVault('2025-12-31T12:00:00Z');
  generateDemoData(t.vault, { cases: 200, seed: 'statistics', batchSize: 50, notesPerCase: [0, 1] });
}, 120_000);
afterAll(() => t.cleanup());

const column = (sql: string) =>
  (t.vault.db.prepare(sql).all() as { v: string | null }[]).map((r) => r.v).filter((v): v is string => !!v?.trim());

/** Splits a CSV line on commas outside quotes (the export quotes only fields that need it). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i] as string;
    if (ch === '"' && quoted && line[i + 1] === '"') {
      cur += '"';
      i += 1;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  return [...out, cur];
}

describe('the anonymised export of a demo vault', () => {
  it('has no identifier in any cell', () => {
    const period = { from: '2016-01-01', to: '2025-12-31' };
    const { csv, rows } = exportStatistics(t.vault, period);
    expect(rows.length).toBeGreaterThan(20);
    const cells = csv
      .trimEnd()
      .split('\r\n')
      .slice(1)
      .map(fields);
    for (const cell of cells) {
      expect(cell).toHaveLength(7);
      expect([cell[3], cell[4]]).toEqual([period.from, period.to]);
    }
    const data = cells.flatMap((c) => [c[0], c[1], c[2], c[5], c[6]] as string[]);
    const identifiers = new Set([
      ...column('SELECT reference AS v FROM cases'),
      ...column('SELECT given_name AS v FROM young_people'),
      ...column('SELECT family_name AS v FROM young_people'),
      ...column('SELECT nhs_number AS v FROM young_people'),
      ...column('SELECT date_of_birth AS v FROM young_people'),
      ...column('SELECT name AS v FROM case_people'),
      ...column('SELECT date_of_birth AS v FROM case_people'),
      ...column('SELECT username AS v FROM users'),
      ...column('SELECT display_name AS v FROM users'),
    ]);
    expect(identifiers.size).toBeGreaterThan(400);
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const id of identifiers) {
      const pattern = new RegExp(`(^|[^\\p{L}\\p{N}])${escape(id.trim())}($|[^\\p{L}\\p{N}])`, 'iu');
      const hit = data.find((cell) => pattern.test(cell));
      expect(hit, `"${id}" appears in the export`).toBeUndefined();
    }
    // The scan would see a leak: the dashboard's own figures name the clinicians it must not export.
    const names = new Set(column('SELECT display_name AS v FROM users'));
    expect(computeStatistics(t.vault, period).rows.some((r) => names.has(r.group ?? ''))).toBe(true);
    // Figures there are: the demo's referrals over the period, with small ones suppressed.
    expect(cells.find((c) => c[0] === 'referrals_received' && c[1] === '')?.[5]).toMatch(/^\d+$/);
    expect(data.some((c) => c === '<5' || c === '[c]')).toBe(true);
  }, 60_000);
});

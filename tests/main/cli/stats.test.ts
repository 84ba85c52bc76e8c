/**
 * `ncats stats` and `ncats cases --offset/--all`, driven in-process against real vaults: the
 * anonymised statistics as a table, as CSV on standard output and in a new 0600 file (never over
 * an existing one), refused periods (exit 2), administrators only, and each run audited; the
 * caseload paged by --offset, and listed whole past the 500-case page by --all.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/errors';
import { CSV_HEADER } from '../../../main/core/stats/stats-csv';
import { newCase } from '../core/cases/fixtures';
import { PASSWORD, cliVaults, ncats } from './cli-fixture';

/** More cases than one page of the caseload service holds. */
const MANY = 503;

describe('ncats stats and ncats cases --offset/--all', () => {
  const vaults = cliVaults({ ada: { username: 'ada', displayName: 'Ada Lovelace' } }, async ({ ada }) => {
    for (let i = 0; i < 7; i += 1) newCase(ada, { referralSource: 'Police', referralDate: '2025-03-01' });
    for (let i = 0; i < 2; i += 1) newCase(ada, { referralSource: 'School', referralDate: '2025-12-31' });
    for (let i = 9; i < MANY; i += 1) newCase(ada, { referralDate: '2024-06-01' });
    await ada.addUser({ username: 'cal', displayName: 'Cal Clinician', password: PASSWORD, role: 'clinician' });
  });
  const stats = (...flags: string[]) => ncats('stats', ...vaults.as('ada'), '--from', '2025-01-01', '--to', '2025-12-31', ...flags);
  const auditRows = async (action: string) => {
    const vault = await vaults.open('ada');
    try {
      return (
        vault.db.prepare('SELECT username, detail FROM audit_log WHERE action = ? ORDER BY seq').all(action) as {
          username: string;
          detail: string;
        }[]
      ).map((r) => ({ username: r.username, ...(JSON.parse(r.detail) as object) }));
    } finally {
      vault.close();
    }
  };

  it('prints the anonymised statistics as a table, small numbers suppressed', async () => {
    const run = await stats();
    expect(run.code, run.err).toBe(EXIT.OK);
    const lines = run.out.split('\n');
    expect(lines[0]).toBe('Anonymised statistics, 01/01/2025 to 31/12/2025 (<5: 1 to 4; [c]: withheld)');
    expect(lines[1]).toMatch(/^Measure\s+Group\s+Value$/);
    expect(run.out).toMatch(/Referrals received\s+All\s+9/);
    // Police (7) is withheld so that 9 less it cannot give the two from school away.
    expect(run.out).toMatch(/Referral source: Police\s+\[c\]/);
    expect(run.out).toMatch(/Referral source: Other \(each fewer than 5\)\s+<5/);
    expect(run.out).not.toContain('School');
    expect(run.out).not.toContain('Open caseload');
    expect(run.out).toMatch(/12-week compliance.*\s-$/m);
  });

  it('writes CSV to standard output with --csv -', async () => {
    const run = await stats('--csv', '-');
    expect(run.code, run.err).toBe(EXIT.OK);
    const lines = run.out.split('\r\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toContain('referrals_received,,,2025-01-01,2025-12-31,9,count');
  });

  it('writes CSV to a new file readable by its owner only, and never over an existing one', async () => {
    const file = join(vaults.work, 'stats.csv');
    const run = await stats('--csv', file);
    expect(run.code, run.err).toBe(EXIT.OK);
    expect(run.out).toMatch(/^Wrote \d+ rows of statistics for 01\/01\/2025 to 31\/12\/2025 to .*stats\.csv\.$/);
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(readFileSync(file, 'utf8').split('\r\n')[0]).toBe(CSV_HEADER);

    const existing = join(vaults.work, 'keep.csv');
    writeFileSync(existing, 'mine');
    const again = await stats('--csv', existing);
    expect(again.code).toBe(EXIT.USAGE);
    expect(again.err).toContain('already exists');
    expect(readFileSync(existing, 'utf8')).toBe('mine');
  });

  it('refuses a bad period in the app’s words (exit 2)', async () => {
    const run = (from: string, to: string) => ncats('stats', ...vaults.as('ada'), '--from', from, '--to', to);
    expect(await run('2025-02-01', '2025-01-01')).toMatchObject({ code: EXIT.USAGE });
    expect((await run('2025-02-01', '2025-01-01')).err).toContain('--to: The start of the period must not be after its end.');
    expect((await run('1/2/2025', '2025-03-01')).err).toContain('--from: Enter a date as YYYY-MM-DD.');
    expect((await run('2010-01-01', '2025-03-01')).err).toContain('at most 10 years');
    expect((await ncats('stats', ...vaults.as('ada'), '--from', '2025-01-01')).err).toContain('Missing required option --to');
  });

  it('is for administrators only, and each run is in the audit trail without a value', async () => {
    const before = (await auditRows('statistics.export')).length;
    const cal = await ncats('stats', '--vault', vaults.dir('ada'), '--user', 'cal', '--password-stdin', '--from', '2025-01-01', '--to', '2025-12-31');
    expect(cal.code).toBe(EXIT.FAILURE);
    expect(cal.err).toContain('Only an administrator can export the anonymised statistics.');
    await stats();
    const rows = await auditRows('statistics.export');
    expect(rows).toHaveLength(before + 1);
    expect(rows[rows.length - 1]).toMatchObject({ username: 'ada', from: '2025-01-01', to: '2025-12-31', format: 'csv' });
    expect(Object.keys(rows[rows.length - 1] ?? {}).sort()).toEqual(['format', 'from', 'rows', 'to', 'username']);
  });

  interface Listed {
    total: number;
    cases: { reference: string }[];
  }
  const listed = async (...flags: string[]) => JSON.parse((await ncats('cases', ...vaults.as('ada'), '--json', ...flags)).out) as Listed;

  it('cases --offset shows the next page', async () => {
    const first = await listed('--limit', '10');
    const second = await listed('--limit', '10', '--offset', '10');
    const both = await listed('--limit', '20');
    expect(second.total).toBe(MANY);
    expect([...first.cases, ...second.cases].map((c) => c.reference)).toEqual(both.cases.map((c) => c.reference));
    const table = await ncats('cases', ...vaults.as('ada'), '--limit', '5', '--offset', '500');
    expect(table.out.split('\n').pop()).toBe(`Cases 501 to ${MANY} of ${MANY} shown.`);
    expect((await ncats('cases', ...vaults.as('ada'), '--offset', '-1')).code).toBe(EXIT.USAGE);
    expect((await ncats('cases', ...vaults.as('ada'), '--offset', 'ten')).err).toContain('--offset must be a whole number');
  });

  it('cases --all lists every case past one page, each once, for an administrator only', async () => {
    const all = await listed('--all');
    expect(all.total).toBe(MANY);
    expect(new Set(all.cases.map((c) => c.reference)).size).toBe(MANY);
    const table = await ncats('cases', ...vaults.as('ada'), '--all');
    expect(table.out.split('\n').pop()).toBe(`${MANY} of ${MANY} cases shown.`);
    expect((await ncats('cases', ...vaults.as('ada'), '--all', '--limit', '5')).err).toContain('leave out --limit and --offset');
    const cal = await ncats('cases', '--vault', vaults.dir('ada'), '--user', 'cal', '--password-stdin', '--all');
    expect(cal.code).toBe(EXIT.FAILURE);
    expect(cal.err).toContain('Only an administrator can list every case');
  });
});

/**
 * `ncats demo` and `ncats cases`, driven in-process on real encrypted vaults: demo data is
 * written and counted, `cases` lists it as a table and as JSON, filters by status, and the
 * same seed gives the same caseload in a second vault. Usage errors exit 2.
 */
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/errors';
import { cliVaults, ncats } from './cli-fixture';

const CASES = 12;

interface Listed {
  total: number;
  cases: { reference: string; status: string; leadWorker: string | null; assessmentDueDate: string | null }[];
}

describe('ncats demo / cases', () => {
  const alice = { username: 'alice', displayName: 'Alice Ahmed' };
  const vaults = cliVaults({ one: alice, two: alice, other: alice });
  type Name = 'one' | 'two' | 'other';
  const as = (name: Name) => vaults.as(name);
  /** `ncats demo` with CASES cases as of the last day of 2025. */
  const demo = (name: Name, seed: string) =>
    ncats('demo', ...as(name), '--cases', String(CASES), '--seed', seed, '--as-of', '2025-12-31', '--archive', '0');

  it('demo writes N cases and reports the counts and time', async () => {
    const result = await demo('one', 'bench');
    expect(result.code, result.err).toBe(EXIT.OK);
    expect(result.out).toMatch(
      new RegExp(
        `^Added ${CASES} cases, \\d+ notes, \\d+ people, \\d+ flags and \\d+ tasks \\(seed bench\\) in \\d+\\.\\d s\\.$`,
      ),
    );
    expect(result.err).toContain(`${CASES} of ${CASES} cases written`);
  });

  it('cases lists them as a table with UK due dates', async () => {
    const result = await ncats('cases', ...as('one'));
    expect(result.code, result.err).toBe(EXIT.OK);
    const lines = result.out.split('\n');
    expect(lines[0]).toMatch(/^Reference\s+Status\s+Lead worker\s+Due date$/);
    expect(lines.at(-1)).toBe(`${CASES} of ${CASES} cases shown.`);
    const rows = lines.slice(1, -1);
    expect(rows).toHaveLength(CASES);
    for (const row of rows) {
      expect(row).toMatch(
        /^NC-\d{4}-\d{4}\s+(referred|accepted|declined|active|closed)\s+(Alice Ahmed|-)\s*(\s\d{2}\/\d{2}\/\d{4}|-)?$/,
      );
    }
    // Dates are shown the UK way, never as ISO dates.
    expect(result.out).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
  });

  it('cases --json gives the same cases, filters by status and honours --limit', async () => {
    const all = JSON.parse((await ncats('cases', ...as('one'), '--json')).out) as Listed;
    expect(all.total).toBe(CASES);
    expect(all.cases).toHaveLength(CASES);
    expect(new Set(all.cases.map((c) => c.reference)).size).toBe(CASES);
    const closed = all.cases.filter((c) => c.status === 'closed').length;
    const filtered = JSON.parse((await ncats('cases', ...as('one'), '--json', '--status', 'closed')).out) as Listed;
    expect(filtered.total).toBe(closed);
    expect(filtered.cases.every((c) => c.status === 'closed')).toBe(true);
    const limited = JSON.parse((await ncats('cases', ...as('one'), '--json', '--limit', '3')).out) as Listed;
    expect(limited).toEqual({ total: CASES, moreThan: false, cases: all.cases.slice(0, 3) });
  });

  it('is deterministic for a seed: the same seed in another vault gives the same caseload', async () => {
    expect((await demo('two', 'bench')).code).toBe(EXIT.OK);
    expect((await demo('other', 'else')).code).toBe(EXIT.OK);
    const list = async (name: Name) => (JSON.parse((await ncats('cases', ...as(name), '--json')).out) as Listed).cases;
    const one = await list('one');
    expect(await list('two')).toEqual(one);
    expect(await list('other')).not.toEqual(one);
  });

  it('refuses bad numbers and statuses with a usage error', async () => {
    expect((await ncats('demo', ...as('one'), '--cases', '0')).code).toBe(EXIT.USAGE);
    expect((await ncats('demo', ...as('one'), '--cases', 'many')).code).toBe(EXIT.USAGE);
    expect((await ncats('demo', ...as('one'))).err).toContain('Missing required option --cases');
    const asOf = await ncats('demo', ...as('one'), '--cases', '1', '--as-of', '31/02/2025');
    expect(asOf.code).toBe(EXIT.USAGE);
    expect(asOf.err).toContain('--as-of must be a real date');
    const status = await ncats('cases', ...as('one'), '--status', 'open');
    expect(status.code).toBe(EXIT.USAGE);
    expect(status.err).toContain('"open" is not a case status');
    expect((await ncats('cases', ...as('one'), '--limit', '501')).code).toBe(EXIT.USAGE);
  });
});

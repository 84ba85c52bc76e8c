/**
 * `ncats demo` and `ncats cases`, driven in-process on real encrypted vaults: demo data is
 * written and counted, `cases` lists it as a table and as JSON, filters by status, and the
 * same seed gives the same caseload in a second vault. Usage errors exit 2.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/errors';
import type { CliIo } from '../../../main/cli/io';
import { runCli } from '../../../main/cli/run';
import { scryptParams } from '../../../main/core/vault/kdf';
import { createVault } from '../../../main/core/vault/vault';

const PASSWORD = 'correct horse battery staple';
const CASES = 12;

function io(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const lines = [PASSWORD];
  return {
    stdout,
    stderr,
    out: (t) => stdout.push(t),
    err: (t) => stderr.push(t),
    stdinIsTTY: false,
    readLine: () => Promise.resolve(lines.shift() ?? null),
    promptHidden: () => Promise.reject(new Error('no terminal')),
    env: {},
    now: () => new Date(),
  };
}

async function ncats(...argv: string[]) {
  const streams = io();
  const code = await runCli(argv, streams);
  return { code, out: streams.stdout.join('\n'), err: streams.stderr.join('\n') };
}

interface Listed {
  total: number;
  cases: { reference: string; status: string; leadWorker: string | null; assessmentDueDate: string | null }[];
}

describe('ncats demo / cases', () => {
  let work: string;
  const vaults: Record<string, string> = {};
  const as = (dir: string) => ['--vault', dir, '--user', 'alice', '--password-stdin'];

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'ncats-demo-cli-'));
    for (const name of ['one', 'two', 'other']) {
      vaults[name] = join(work, name);
      const { vault } = await createVault(
        vaults[name],
        { username: 'alice', displayName: 'Alice Ahmed', password: PASSWORD },
        { kdf: scryptParams(2 ** 14) },
      );
      vault.close();
    }
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('demo writes N cases and reports the counts and time', async () => {
    const result = await ncats(
      'demo',
      ...as(vaults.one ?? ''),
      '--cases',
      String(CASES),
      '--seed',
      'bench',
      '--as-of',
      '2025-12-31',
    );
    expect(result.code, result.err).toBe(EXIT.OK);
    expect(result.out).toMatch(
      new RegExp(
        `^Added ${CASES} cases, \\d+ notes, \\d+ people, \\d+ flags and \\d+ tasks \\(seed bench\\) in \\d+\\.\\d s\\.$`,
      ),
    );
    expect(result.err).toContain(`${CASES} of ${CASES} cases written`);
  });

  it('cases lists them as a table with UK due dates', async () => {
    const result = await ncats('cases', ...as(vaults.one ?? ''));
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
    const all = JSON.parse((await ncats('cases', ...as(vaults.one ?? ''), '--json')).out) as Listed;
    expect(all.total).toBe(CASES);
    expect(all.cases).toHaveLength(CASES);
    expect(new Set(all.cases.map((c) => c.reference)).size).toBe(CASES);
    const closed = all.cases.filter((c) => c.status === 'closed').length;
    const filtered = JSON.parse(
      (await ncats('cases', ...as(vaults.one ?? ''), '--json', '--status', 'closed')).out,
    ) as Listed;
    expect(filtered.total).toBe(closed);
    expect(filtered.cases.every((c) => c.status === 'closed')).toBe(true);
    const limited = JSON.parse((await ncats('cases', ...as(vaults.one ?? ''), '--json', '--limit', '3')).out) as Listed;
    expect(limited).toEqual({ total: CASES, cases: all.cases.slice(0, 3) });
  });

  it('is deterministic for a seed: the same seed in another vault gives the same caseload', async () => {
    expect(
      (
        await ncats(
          'demo',
          ...as(vaults.two ?? ''),
          '--cases',
          String(CASES),
          '--seed',
          'bench',
          '--as-of',
          '2025-12-31',
        )
      ).code,
    ).toBe(EXIT.OK);
    expect(
      (
        await ncats(
          'demo',
          ...as(vaults.other ?? ''),
          '--cases',
          String(CASES),
          '--seed',
          'else',
          '--as-of',
          '2025-12-31',
        )
      ).code,
    ).toBe(EXIT.OK);
    const list = async (dir: string) => (JSON.parse((await ncats('cases', ...as(dir), '--json')).out) as Listed).cases;
    const one = await list(vaults.one ?? '');
    expect(await list(vaults.two ?? '')).toEqual(one);
    expect(await list(vaults.other ?? '')).not.toEqual(one);
  });

  it('refuses bad numbers and statuses with a usage error', async () => {
    expect((await ncats('demo', ...as(vaults.one ?? ''), '--cases', '0')).code).toBe(EXIT.USAGE);
    expect((await ncats('demo', ...as(vaults.one ?? ''), '--cases', 'many')).code).toBe(EXIT.USAGE);
    expect((await ncats('demo', ...as(vaults.one ?? ''))).err).toContain('Missing required option --cases');
    const asOf = await ncats('demo', ...as(vaults.one ?? ''), '--cases', '1', '--as-of', '31/02/2025');
    expect(asOf.code).toBe(EXIT.USAGE);
    expect(asOf.err).toContain('--as-of must be a real date');
    const status = await ncats('cases', ...as(vaults.one ?? ''), '--status', 'open');
    expect(status.code).toBe(EXIT.USAGE);
    expect(status.err).toContain('"open" is not a case status');
    expect((await ncats('cases', ...as(vaults.one ?? ''), '--limit', '501')).code).toBe(EXIT.USAGE);
  });
});

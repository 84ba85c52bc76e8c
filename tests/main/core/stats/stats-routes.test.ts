/**
 * The anonymised statistics' download route through the app:// protocol handler on a real core:
 * the same CSV as `statistics:export`, offered as a file the shell may save, audited as an
 * export; a period written wrongly refused with why; a clinician refused.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleAppRequest } from '../../../../main/app/app-protocol-handler';
import { isAllowedDownloadUrl } from '../../../../main/app/session-policy';
import { createStreamServer } from '../../../../main/app/stream-routes';
import { createCore, type Core } from '../../../../main/core/core';
import { CSV_HEADER } from '../../../../main/core/stats/stats-csv';
import type { StatisticsExport } from '../../../../preload/contract';
import { ok } from '../bundles/app-fixtures';
import { ADMIN, CLINICIAN, FAST } from '../temp-vault';

let root: string;
let rendererDir: string;
let core: Core;

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'ncats-stats-routes-'));
  rendererDir = join(root, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
  core = createCore(join(root, 'vault'), { vault: FAST });
  expect((await core.router('vault:create', ADMIN)).ok).toBe(true);
});
afterEach(() => {
  core.manager.dispose();
  rmSync(root, { recursive: true, force: true });
});

function viaApp(path: string): Promise<Response> {
  return handleAppRequest(new Request(`app://ncats/${path}`), {
    rendererRoot: rendererDir,
    serveStream: createStreamServer(core),
  });
}

const PERIOD = 'statistics/export.csv?from=2025-01-01&to=2025-12-31';

describe('the anonymised statistics download', () => {
  it('gives the CSV of statistics:export as a file to save, audited as an export, with no name in it', async () => {
    for (let i = 0; i < 6; i++) {
      const made = await core.router('case:create', {
        referralDate: '2025-03-0' + String(i + 1),
        referralSource: 'Police',
        servicesRequested: ['assessment'],
        youngPerson: { givenName: 'Jordan', familyName: `Ellis${'x'.repeat(i)}`, dateOfBirth: '2012-06-01' },
      });
      expect(made.ok).toBe(true);
    }
    const got = await viaApp(PERIOD);
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(got.headers.get('content-disposition')).toContain(
      'attachment; filename="NCATS anonymised statistics 01-01-2025 to 31-12-2025.csv"',
    );
    const csv = await got.text();
    expect(csv.split('\r\n')[0]).toBe(CSV_HEADER);
    expect(csv).toContain('referrals_received,month,2025-03,2025-01-01,2025-12-31,6,count');
    expect(csv).not.toMatch(/Jordan|Ellis|Ada Admin/);
    const channel = ok<StatisticsExport>(
      await core.router('statistics:export', { from: '2025-01-01', to: '2025-12-31' }),
    );
    expect(csv).toBe(channel.csv);
    expect(isAllowedDownloadUrl(`app://ncats/${PERIOD}`)).toBe(true);

    const audit = core.manager
      .current()
      .db.prepare("SELECT detail FROM audit_log WHERE action = 'statistics.export' ORDER BY rowid")
      .all() as { detail: string }[];
    expect(audit).toHaveLength(2);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ from: '2025-01-01', to: '2025-12-31', format: 'csv' });
  });

  it('refuses a period written wrongly or given twice, saying why', async () => {
    const backwards = await viaApp('statistics/export.csv?from=2025-12-31&to=2025-01-01');
    expect(backwards.status).toBe(400);
    expect(await backwards.json()).toMatchObject({
      error: { message: 'The start of the period must not be after its end.' },
    });
    const twice = await viaApp('statistics/export.csv?from=2025-01-01&to=2025-12-31&to=2026-01-01');
    expect(twice.status).toBe(400);
    expect(await twice.json()).toMatchObject({
      error: { message: 'Give the period once: from and to, each a date written YYYY-MM-DD.' },
    });
    expect((await viaApp('statistics/export.csv')).status).toBe(400);
  });

  it('refuses a clinician (the export is for administrators)', async () => {
    expect((await core.router('user:create', CLINICIAN)).ok).toBe(true);
    expect((await core.router('vault:unlock', { username: CLINICIAN.username, password: CLINICIAN.password })).ok).toBe(
      true,
    );
    const refused = await viaApp(PERIOD);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({
      error: { message: 'Only an administrator can export the anonymised statistics.' },
    });
  });
});

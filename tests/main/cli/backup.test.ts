/**
 * `ncats backup` and `ncats restore` in-process, on real vaults: a round trip with the password
 * and with the recovery key, rotation with --keep, refusals (a folder in use, a clinician, a
 * damaged file) and the help text.
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../main/cli/errors';
import { runCli } from '../../../main/cli/run';
import { referralSchema } from '../../../preload/contract/case-records';
import { createCase } from '../../../main/core/cases/cases.service';
import { createVault, unlockVault } from '../../../main/core/vault/vault';
import { FAST, PASSWORD, cliVaults, ncats, scriptedIo } from './cli-fixture';

const CLINICIAN_PASSWORD = 'clinician password 1';
const vaults = cliVaults({ main: { username: 'admin', displayName: 'Ada Admin' } }, async ({ main }) => {
  await main.addUser({ username: 'clin', displayName: 'Cal', password: CLINICIAN_PASSWORD, role: 'clinician' });
  createCase(
    main,
    referralSchema.parse({
      referralDate: '2026-01-12',
      youngPerson: { givenName: 'Robin', familyName: 'Backupson', dateOfBirth: '2012-05-01' },
    }),
  );
});

function fresh(name: string): string {
  const dir = join(vaults.work, name);
  mkdirSync(dir);
  return dir;
}

describe('ncats backup and restore', () => {
  it('backs up to a file and restores it with a password, every check passing; both audited', async () => {
    const folder = fresh('round-trip');
    const file = join(folder, 'vault.ncatsbackup');
    const backup = await ncats('backup', ...vaults.as('main'), '--out', file);
    expect(backup.code).toBe(EXIT.OK);
    expect(backup.out).toContain(`To: ${file}`);
    expect(readdirSync(folder)).toEqual(['vault.ncatsbackup']);

    const target = join(folder, 'restored');
    const restore = await ncats('restore', '--in', file, '--vault', target, '--user', 'admin', '--password-stdin');
    expect(restore.code).toBe(EXIT.OK);
    expect(restore.out).toContain('ok      Audit chain');
    expect(restore.out).toMatch(/OK$/);

    const restored = await unlockVault(target, 'admin', PASSWORD, FAST);
    try {
      expect(
        restored.db.prepare(`SELECT family_name FROM young_people WHERE family_name = 'Backupson'`).pluck().get(),
      ).toBe('Backupson');
      const actions = restored.db.prepare('SELECT action FROM audit_log ORDER BY seq').pluck().all();
      expect(actions).toContain('backup.restore');
    } finally {
      restored.close();
    }
    const original = await vaults.open('main');
    try {
      const row = original.db
        .prepare(`SELECT username, detail FROM audit_log WHERE action = 'backup.create' ORDER BY seq DESC`)
        .get() as { username: string; detail: string };
      expect(row.username).toBe('admin');
      expect(JSON.parse(row.detail)).toMatchObject({ file: 'vault.ncatsbackup' });
    } finally {
      original.close();
    }
  });

  it('restores with the recovery key read from standard input', async () => {
    const folder = fresh('by-key');
    const { vault, recoveryKey } = await createVault(
      join(folder, 'v'),
      { username: 'boss', displayName: 'B', password: PASSWORD },
      FAST,
    );
    vault.close();
    const file = join(folder, 'b.ncatsbackup');
    expect(
      (await ncats('backup', '--vault', join(folder, 'v'), '--user', 'boss', '--password-stdin', '--out', file)).code,
    ).toBe(EXIT.OK);
    const io = scriptedIo({ lines: [recoveryKey] });
    const code = await runCli(['restore', '--in', file, '--vault', join(folder, 'r'), '--recovery-key-stdin'], io);
    expect(code).toBe(EXIT.OK);
    expect(existsSync(join(folder, 'r', 'vault.json'))).toBe(true);
  });

  it('names backups put in a folder and keeps the newest N with --keep', async () => {
    const folder = fresh('rotation');
    for (let i = 0; i < 3; i += 1) {
      const run = await ncats('backup', ...vaults.as('main'), '--out', folder, '--keep', '2');
      expect(run.code).toBe(EXIT.OK);
      if (i === 2) expect(run.out).toMatch(/Removed older backup: .*\.ncatsbackup/);
    }
    const left = readdirSync(folder);
    expect(left).toHaveLength(2);
    for (const name of left) expect(name).toMatch(/^ncats-[0-9a-f]{8}-\d{8}-\d{6}(-\d+)?\.ncatsbackup$/);
  });

  it('refuses to restore into a folder in use, and a damaged backup, leaving nothing behind', async () => {
    const folder = fresh('refusals');
    const file = join(folder, 'v.ncatsbackup');
    await ncats('backup', ...vaults.as('main'), '--out', file);
    const busy = join(folder, 'busy');
    mkdirSync(busy);
    writeFileSync(join(busy, 'a.txt'), 'x');
    const refused = await ncats('restore', '--in', file, '--vault', busy, '--user', 'admin', '--password-stdin');
    expect(refused.code).toBe(EXIT.FAILURE);
    expect(refused.err).toMatch(/never overwrites/);

    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 100));
    const cut = await ncats(
      'restore',
      '--in',
      file,
      '--vault',
      join(folder, 'r'),
      '--user',
      'admin',
      '--password-stdin',
    );
    expect(cut.code).toBe(EXIT.FAILURE);
    expect(cut.err).toMatch(/damaged or incomplete/);
    expect(readdirSync(folder).sort()).toEqual(['busy', 'v.ncatsbackup']);
  });

  it('refuses a clinician, and says what is missing', async () => {
    const folder = fresh('clinician');
    const io = scriptedIo({ lines: [CLINICIAN_PASSWORD] });
    const args = [
      'backup',
      '--vault',
      vaults.dir('main'),
      '--user',
      'clin',
      '--password-stdin',
      '--out',
      join(folder, 'c.ncatsbackup'),
    ];
    expect(await runCli(args, io)).toBe(EXIT.FAILURE);
    expect(io.stderr.join('\n')).toMatch(/Only an administrator/);
    expect(readdirSync(folder)).toEqual([]);
    const noUser = await ncats('restore', '--in', 'x', '--vault', join(folder, 'r'));
    expect(noUser.code).toBe(EXIT.USAGE);
    expect(noUser.err).toMatch(/--user NAME .* or --recovery-key-stdin/);
  });

  it('has help for both commands', async () => {
    const help = await ncats('--help');
    expect(help.out).toMatch(/backup\s+Back up a vault/);
    expect(help.out).toMatch(/restore\s+Restore a backup/);
    expect((await ncats('restore', '--help')).out).toContain('never overwrites');
  });
});

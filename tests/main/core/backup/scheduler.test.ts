/**
 * Scheduled backups through a real core: due when none exists or the last is a day old, into
 * the policy's folder keeping its count; a missing folder is recorded in words and retried
 * later, never thrown; "Back up now" is for administrators; and the app keeps answering other
 * channels while the database copy runs (it is in a worker thread). The last attempt is kept in
 * the vault: a failure still warns after a restart (a new core on the same folder), with its
 * retry time, until a later backup overtakes it.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupStatus } from '../../../../preload/contract/backup';
import { DEFAULT_MACHINE_POLICY, type MachinePolicy } from '../../../../preload/contract/policy';
import { LAST_ATTEMPT_SETTING } from '../../../../main/core/backup/backup-attempt';
import { createBackup } from '../../../../main/core/backup/create-backup';
import { backupSchedulerOf } from '../../../../main/core/backup/scheduler';
import { createCore, type Core } from '../../../../main/core/core';
import { CORE_ADMIN } from '../core-fixture';
import { FAST } from '../temp-vault';

const HOUR = 60 * 60_000;
let dir = '';
let core: Core;
let clock = new Date('2026-12-01T09:00:00Z');

/** A core on the test's vault folder; `fresh` makes the vault, otherwise it is reopened. */
async function coreWith(policy: Partial<MachinePolicy>, { fresh = true } = {}): Promise<Core> {
  core = createCore(join(dir, 'vault'), {
    // The vault and the schedule share the clock, as they do in the app (both the real one).
    vault: { ...FAST, now: () => clock },
    policy: { policy: { ...DEFAULT_MACHINE_POLICY, ...policy }, source: 'file', path: '', problems: [], setInFile: [] },
    // A check interval far beyond the test: the test calls tick() itself.
    backups: { defaultFolder: join(dir, 'own-backups'), now: () => clock, checkEveryMs: 3_600_000 },
  });
  if (fresh) await core.manager.create(CORE_ADMIN);
  else await core.manager.unlock(CORE_ADMIN.username, CORE_ADMIN.password);
  return core;
}

/** Quit the app (the core goes, with everything it held in memory) and start it again. */
async function restart(policy: Partial<MachinePolicy>): Promise<Core> {
  core.manager.dispose();
  return coreWith(policy, { fresh: false });
}

async function ok<T>(channel: string, input: unknown = {}): Promise<T> {
  const result = await core.router(channel, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const backupsIn = (folder: string) => readdirSync(folder).filter((n) => n.endsWith('.ncatsbackup'));
function tick(): Promise<void> {
  const scheduler = backupSchedulerOf(core.manager);
  if (!scheduler) throw new Error('The core was built without a backup schedule.');
  return scheduler.tick();
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ncats-schedule-'));
  clock = new Date('2026-12-01T09:00:00Z');
});
afterEach(() => {
  core?.manager.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('the backup schedule', () => {
  it('takes one when none exists, then daily, keeping the policy count in its folder', async () => {
    const folder = join(dir, 'policy-backups');
    mkdirSync(folder);
    await coreWith({ backupFolder: folder, backupCount: 2 });
    const before = await ok<BackupStatus>('backup:status');
    expect(before.last).toBeNull();
    expect(before.schedule).toMatchObject({ folder, folderFromPolicy: true, keep: 2, tooOld: true });
    await tick();
    const first = await ok<BackupStatus>('backup:status');
    expect(first.last?.takenAt).toBe(clock.toISOString());
    expect(first.schedule).toMatchObject({ tooOld: false, running: null, lastAttempt: { ok: true } });
    expect(first.schedule.nextDueAt).toBe(new Date(clock.getTime() + 24 * HOUR).toISOString());
    clock = new Date(clock.getTime() + 23 * HOUR);
    await tick();
    expect(backupsIn(folder)).toHaveLength(1);
    for (let day = 0; day < 2; day += 1) {
      clock = new Date(clock.getTime() + 25 * HOUR);
      await tick();
    }
    expect(backupsIn(folder)).toHaveLength(2);
    expect((await ok<BackupStatus>('backup:status')).last?.takenAt).toBe(clock.toISOString());
  });

  it('records a missing folder in words, never throws, and tries again later', async () => {
    const folder = join(dir, 'unplugged');
    await coreWith({ backupFolder: folder, backupMaxAgeDays: 2 });
    await tick();
    const failed = await ok<BackupStatus>('backup:status');
    expect(failed.last).toBeNull();
    expect(failed.schedule.tooOld).toBe(true);
    expect(failed.schedule.lastAttempt).toMatchObject({ ok: false, at: clock.toISOString() });
    expect(failed.schedule.lastAttempt?.reason).toMatch(/backup folder .*unplugged is not there/);
    expect(failed.schedule.nextDueAt).toBe(new Date(clock.getTime() + 15 * 60_000).toISOString());
    clock = new Date(clock.getTime() + 5 * 60_000);
    await tick();
    expect((await ok<BackupStatus>('backup:status')).schedule.lastAttempt?.at).toBe(failed.schedule.lastAttempt?.at);
    mkdirSync(folder);
    clock = new Date(clock.getTime() + 11 * 60_000);
    await tick();
    const recovered = await ok<BackupStatus>('backup:status');
    expect(recovered.schedule.lastAttempt).toEqual({ ok: true, at: clock.toISOString() });
    expect(backupsIn(folder)).toHaveLength(1);
  });

  it("uses the app's own folder when the policy names none, and lets only administrators back up now", async () => {
    await coreWith({});
    const now = await ok<BackupStatus>('backup:now');
    expect(now.schedule).toMatchObject({ folder: join(dir, 'own-backups'), folderFromPolicy: false });
    expect(backupsIn(join(dir, 'own-backups'))).toHaveLength(1);
    const clinician = { username: 'cal', displayName: 'Cal Clinician', password: 'clinician password 1' };
    await ok('user:create', { ...clinician, role: 'clinician' });
    await core.manager.unlock(clinician.username, clinician.password);
    expect(await core.router('backup:now', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // The schedule still runs in a clinician's session: the file goes only where the policy says.
    clock = new Date(clock.getTime() + 25 * HOUR);
    await tick();
    expect(backupsIn(join(dir, 'own-backups'))).toHaveLength(2);
  });

  it('keeps answering other channels while the database copy runs', async () => {
    await coreWith({});
    const backup = core.router('backup:now', {});
    let finished = false;
    void backup.then(() => (finished = true));
    // Seeing the "copying" phase at all means a channel was answered during the copy: a copy on
    // the main thread would run from start to end without letting any other call in.
    let phase: string | undefined;
    while (!finished && phase !== 'copying') {
      phase = (await ok<BackupStatus>('backup:status')).schedule.running?.phase;
      // Let timers and I/O run between calls, as a window's calls would.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(phase).toBe('copying');
    expect(await ok('vault:status')).toMatchObject({ state: 'unlocked' });
    expect(finished).toBe(false);
    expect(await backup).toMatchObject({ ok: true });
  });

  it('keeps a failure in the vault, so it still warns after a restart, until a backup overtakes it', async () => {
    const folder = join(dir, 'unplugged');
    await coreWith({ backupFolder: folder });
    await tick();
    const failed = (await ok<BackupStatus>('backup:status')).schedule;
    expect(failed.lastAttempt).toMatchObject({ ok: false, at: clock.toISOString() });

    clock = new Date(clock.getTime() + 5 * 60_000);
    await restart({ backupFolder: folder });
    const afterRestart = (await ok<BackupStatus>('backup:status')).schedule;
    expect(afterRestart.lastAttempt).toEqual(failed.lastAttempt);
    // The retry waits its 15 minutes from the failure, not from the restart.
    expect(afterRestart.nextDueAt).toBe(failed.nextDueAt);
    await tick();
    expect((await ok<BackupStatus>('backup:status')).schedule.lastAttempt?.at).toBe(failed.lastAttempt?.at);

    // Kept as a time, a yes/no and the reason in words: nothing else.
    const row = core.manager
      .current()
      .db.prepare('SELECT value FROM settings WHERE key = ?')
      .get(LAST_ATTEMPT_SETTING) as { value: string };
    expect(Object.keys(JSON.parse(row.value) as object).sort()).toEqual(['at', 'ok', 'reason']);

    mkdirSync(folder);
    clock = new Date(clock.getTime() + 11 * 60_000);
    await tick();
    await restart({ backupFolder: folder });
    const mended = (await ok<BackupStatus>('backup:status')).schedule;
    expect(mended.lastAttempt).toEqual({ ok: true, at: clock.toISOString() });
    expect(backupsIn(folder)).toHaveLength(1);
  });

  it('reports no failure that a later backup has overtaken (one from the command line)', async () => {
    const folder = join(dir, 'unplugged');
    await coreWith({ backupFolder: folder });
    await tick();
    expect((await ok<BackupStatus>('backup:status')).schedule.lastAttempt?.ok).toBe(false);
    // `ncats backup` writes the history row and not the schedule's attempt.
    clock = new Date(clock.getTime() + 60_000);
    await createBackup(core.manager.current(), join(dir, 'by-hand.ncatsbackup'));
    await restart({ backupFolder: folder });
    const status = await ok<BackupStatus>('backup:status');
    expect(status.last?.takenAt).toBe(clock.toISOString());
    expect(status.schedule.lastAttempt).toBeNull();
    expect(status.schedule.nextDueAt).toBe(new Date(clock.getTime() + 24 * HOUR).toISOString());
  });

  it('ignores a kept value that is not an attempt, rather than fail the status', async () => {
    await coreWith({});
    core.manager
      .current()
      .db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)')
      .run(LAST_ATTEMPT_SETTING, '{"at":"yesterday","ok":"no"}');
    expect((await ok<BackupStatus>('backup:status')).schedule.lastAttempt).toBeNull();
  });
});

/**
 * The backup is taken while the vault stays open and another process keeps writing to it:
 * every write acknowledged before the backup began is in the backup, and the writer is never
 * stopped. A second helper process reads every file in the output folder while the backup is
 * written, so the temporary files (the database copy, its journal, the .partial) are scanned
 * for plaintext too, not just what is left at the end.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../../../main/core/backup/create-backup';
import { restoreBackup } from '../../../../main/core/backup/restore-backup';
import { unlockVault } from '../../../../main/core/vault/vault';
import { ADMIN, FAST } from '../temp-vault';
import { PLAINTEXT_MARKERS, RESTORE_OPTIONS, vaultToBackUp, type BackupFixture } from './backup-fixture';

const REPO = resolve(import.meta.dirname, '../../../..');
const CHILD = join('tests', 'main', 'core', 'backup', 'child.ts');

interface Child {
  process: ChildProcessWithoutNullStreams;
  lines: string[];
  /** Resolves once a line satisfying `test` has been printed. */
  waitFor(test: (lines: string[]) => boolean): Promise<void>;
}

function startChild(args: string[]): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO });
  const lines: string[] = [];
  const waiters: { test: (l: string[]) => boolean; done: () => void }[] = [];
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
    for (const w of waiters.splice(0)) {
      if (w.test(lines)) w.done();
      else waiters.push(w);
    }
  });
  return {
    process: child,
    lines,
    waitFor: (test) =>
      new Promise((done) => {
        if (test(lines)) done();
        else waiters.push({ test, done });
      }),
  };
}

const acks = (lines: string[]) => lines.filter((l) => l.startsWith('ACK ')).map((l) => l.slice(4));

let fx: BackupFixture;
const children: Child[] = [];
beforeEach(async () => {
  fx = await vaultToBackUp();
});
afterEach(() => {
  for (const c of children.splice(0)) c.process.kill('SIGKILL');
  fx.cleanup();
});

describe('an online backup', () => {
  it('holds every write acknowledged before it began while another process keeps writing', async () => {
    const writer = startChild(['writer', fx.vault.dir]);
    children.push(writer);
    writer.process.stdin.write(`${ADMIN.password}\n`);
    await writer.waitFor((l) => acks(l).length >= 30);
    const acknowledgedBefore = acks(writer.lines);
    const out = join(fx.work, 'during-writes.ncatsbackup');
    await createBackup(fx.vault, out);
    const acknowledgedByEnd = acks(writer.lines).length;
    // Writes were committed while the backup was being taken: the vault stayed writable.
    expect(acknowledgedByEnd).toBeGreaterThan(acknowledgedBefore.length);
    // The writer was not held up: it went on committing while the backup ran, and after it.
    await writer.waitFor((l) => acks(l).length > acknowledgedByEnd + 5);
    writer.process.stdin.end();
    await new Promise((done) => writer.process.on('close', done));

    const target = join(fx.work, 'restored');
    await restoreBackup(
      out,
      target,
      { kind: 'password', username: ADMIN.username, password: ADMIN.password },
      RESTORE_OPTIONS,
    );
    const restored = await unlockVault(target, ADMIN.username, ADMIN.password, FAST);
    try {
      const has = restored.db.prepare('SELECT 1 FROM cases WHERE id = ?').pluck();
      const missing = acknowledgedBefore.filter((id) => has.get(id) === undefined);
      expect(missing).toEqual([]);
      expect(acknowledgedBefore.length).toBeGreaterThanOrEqual(30);
    } finally {
      restored.close();
    }
  });

  it('writes no plaintext into any file of the output folder, temporary files included', async () => {
    const watcher = startChild(['watcher', fx.work, ...PLAINTEXT_MARKERS]);
    children.push(watcher);
    await watcher.waitFor((l) => l.includes('READY'));
    await createBackup(fx.vault, join(fx.work, 'watched.ncatsbackup'));
    writeFileSync(join(fx.work, 'control.txt'), `a letter about ${PLAINTEXT_MARKERS[0] ?? ''}`);
    await new Promise((done) => setTimeout(done, 200));
    watcher.process.kill('SIGTERM');
    await watcher.waitFor((l) => l.some((x) => x.startsWith('{')));
    const report = JSON.parse(watcher.lines.find((x) => x.startsWith('{')) ?? '{}') as {
      seen: string[];
      leaked: string[];
    };
    // The one plaintext file is the positive control written below: the watcher does find a marker.
    expect(report.leaked).toEqual(['control.txt']);
    // The watcher did see the work in progress, not just the finished file.
    expect(report.seen).toContain('watched.ncatsbackup.partial');
    expect(report.seen).toContain('watched.ncatsbackup.partial-db');
    expect(report.seen).toContain('watched.ncatsbackup');
  });
});

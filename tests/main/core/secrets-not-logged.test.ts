/**
 * Secrets never reach logs (issue 15), at the core: with every console method and both output
 * streams captured, a real encrypted vault is created, signed in to with the wrong password and
 * the right one, recovered with a wrong recovery key, given a case, sent a damaged bundle and a
 * wrong passphrase, and restored from a damaged backup and with a wrong password. Each of those
 * fails or succeeds as it should, and no password, recovery key, passphrase or young person's
 * name appears in anything printed. The search is the e2e log check's own (check-logs.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackup } from '../../../main/core/backup/create-backup';
import { restoreBackup } from '../../../main/core/backup/restore-backup';
import { importBundle } from '../../../main/core/bundles/import';
import { caseFileRegistry } from '../../../main/core/bundles/modules';
import { createCore, type Core } from '../../../main/core/core';
import { findSecrets, type Secret } from '../../e2e/log-capture/check-logs';
import { RESTORE_OPTIONS } from './backup/backup-fixture';
import { FAST } from './temp-vault';

const ADMIN = { username: 'lkeeper', displayName: 'Lee Keeper', password: 'plum orchard lantern 42' };
const WRONG_PASSWORD = 'plum orchard lantern 43';
const NEW_PASSWORD = 'quiet harbour morning 7';
const PASSPHRASE = 'velvet-anchor-meadow-copper-glide';
const YOUNG_PERSON = { givenName: 'Rowena', familyName: 'Thistlewood' };

let dir: string;
let core: Core;
let printed: string[];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ncats-secrets-'));
  core = createCore(join(dir, 'vault'), { vault: FAST });
  printed = [];
  const keep = (...args: unknown[]) => {
    printed.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '));
  };
  for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
    vi.spyOn(console, method).mockImplementation(keep);
  }
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream);
    vi.spyOn(stream, 'write').mockImplementation(((chunk: unknown, ...rest: unknown[]) => {
      printed.push(String(chunk));
      return (write as (...a: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof stream.write);
  }
});

afterEach(() => {
  vi.restoreAllMocks();
  core.manager.dispose();
  rmSync(dir, { recursive: true, force: true });
});

async function call(channel: string, input: unknown) {
  return core.router(channel, input);
}

describe('secrets in what the core prints', () => {
  it('never include a password, recovery key, passphrase or name, through sign-in, bundle and restore failures', async () => {
    const created = await call('vault:create', ADMIN);
    expect(created.ok).toBe(true);
    const recoveryKey = created.ok ? (created.value as { recoveryKey: string }).recoveryKey : '';

    const kase = await call('case:create', {
      referralDate: '2026-01-15',
      referralSource: 'Children’s social care',
      servicesRequested: ['assessment'],
      youngPerson: { ...YOUNG_PERSON, dateOfBirth: '2012-03-04', localAuthority: 'Leeds' },
    });
    expect(kase.ok).toBe(true);

    // A backup to restore later, taken while signed in.
    const backupFile = join(dir, 'one.ncatsbackup');
    await createBackup(core.manager.current(), backupFile);

    // A damaged bundle, with a passphrase; and a file that is not a bundle at all.
    const registry = caseFileRegistry(core.manager.current());
    const damaged = join(dir, 'damaged.ncatsbundle');
    writeFileSync(damaged, Buffer.concat([Buffer.from('age-encryption.org/v1\n'), Buffer.alloc(512, 7)]));
    await expect(importBundle(core.manager.current(), registry, damaged, { passphrase: PASSPHRASE })).rejects.toThrow();
    const notABundle = join(dir, 'notes.txt');
    writeFileSync(notABundle, `${YOUNG_PERSON.givenName} ${YOUNG_PERSON.familyName}`);
    await expect(importBundle(core.manager.current(), registry, notABundle, {})).rejects.toThrow();

    expect((await call('vault:lock', {})).ok).toBe(true);
    const wrong = await call('vault:unlock', { username: ADMIN.username, password: WRONG_PASSWORD });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSWORD' } });
    const badKey = await call('vault:recover', {
      recoveryKey: recoveryKey.replace(/^./, (c) => (c === '0' ? '1' : '0')),
      username: ADMIN.username,
      newPassword: NEW_PASSWORD,
    });
    expect(badKey.ok).toBe(false);
    expect((await call('vault:unlock', { username: ADMIN.username, password: ADMIN.password })).ok).toBe(true);
    expect((await call('vault:lock', {})).ok).toBe(true);

    // Restore: a damaged backup, then the real one with the wrong password.
    const truncated = join(dir, 'truncated.ncatsbackup');
    writeFileSync(truncated, readFileSync(backupFile).subarray(0, 2000));
    const asAdmin = { kind: 'password' as const, username: ADMIN.username, password: ADMIN.password };
    await expect(restoreBackup(truncated, join(dir, 'restored-1'), asAdmin, RESTORE_OPTIONS)).rejects.toThrow();
    await expect(
      restoreBackup(backupFile, join(dir, 'restored-2'), { ...asAdmin, password: WRONG_PASSWORD }, RESTORE_OPTIONS),
    ).rejects.toThrow();

    const secrets: Secret[] = [
      { kind: 'password', value: ADMIN.password },
      { kind: 'password', value: WRONG_PASSWORD },
      { kind: 'password', value: NEW_PASSWORD },
      { kind: 'recovery key', value: recoveryKey },
      { kind: 'passphrase', value: PASSPHRASE },
      { kind: "young person's name", value: `${YOUNG_PERSON.givenName} ${YOUNG_PERSON.familyName}` },
    ];
    expect(recoveryKey.replace(/[^0-9A-F]/gi, '')).toHaveLength(64);
    expect(findSecrets([{ file: 'console', text: printed.join('\n') }], secrets)).toEqual([]);
  });

  it('the capture sees what the core prints (so the test above can fail)', async () => {
    console.error('handler failed for', ADMIN.password);
    const found = findSecrets(
      [{ file: 'console', text: printed.join('\n') }],
      [{ kind: 'password', value: ADMIN.password }],
    );
    expect(found).toEqual([{ file: 'console', line: 1, kind: 'password' }]);
  });
});

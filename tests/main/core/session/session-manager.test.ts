import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { EventName, EventPayloads } from '../../../../preload/contract';
import { openEncrypted } from '../../../../main/core/db/connection';
import { migrate } from '../../../../main/core/db/migrations/index';
import { SessionManager, type SessionManagerOptions } from '../../../../main/core/session/session-manager';
import { databasePath } from '../../../../main/core/vault/header';
import { OpenVault } from '../../../../main/core/vault/vault';
import { ADMIN, FAST, tempDirs, vaultDirIn } from '../temp-vault';

const dirs = tempDirs();
const managers: SessionManager[] = [];
afterEach(() => {
  for (const m of managers.splice(0)) m.dispose();
  dirs.cleanup();
});

interface Harness {
  manager: SessionManager;
  events: { event: EventName; payload: EventPayloads[EventName] }[];
}

function harness(options: SessionManagerOptions = {}): Harness {
  const events: Harness['events'] = [];
  const manager = new SessionManager(vaultDirIn(dirs.make()), {
    vault: FAST,
    onEvent: (event, payload) => events.push({ event, payload }),
    ...options,
  });
  managers.push(manager);
  return { manager, events };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SessionManager status', () => {
  it('goes absent -> unlocked -> locked, remembering why it locked', async () => {
    const { manager } = harness();
    expect(manager.status()).toMatchObject({ state: 'absent', user: null, idleLockMinutes: 10, lastLockReason: null });
    await manager.create(ADMIN);
    expect(manager.status()).toMatchObject({ state: 'unlocked', user: { username: ADMIN.username } });
    manager.lock('os-lock');
    expect(manager.status()).toMatchObject({ state: 'locked', user: null, lastLockReason: 'os-lock' });
    await manager.unlock(ADMIN.username, ADMIN.password);
    expect(manager.status().lastLockReason).toBeNull();
  });
});

describe('lock', () => {
  it('closes the database, refuses further use with LOCKED, and emits vault:locked with the reason', async () => {
    const { manager, events } = harness();
    await manager.create(ADMIN);
    const vault = manager.current();
    const subkey = vault.deriveSubkey('attachments-v1');
    expect(subkey).toHaveLength(32);

    manager.lock('explicit');
    expect(manager.isUnlocked()).toBe(false);
    expect(vault.isOpen).toBe(false);
    expect(vault.db.open).toBe(false);
    expect(() => manager.current()).toThrow(expect.objectContaining({ code: 'LOCKED' }));
    expect(() => vault.deriveSubkey('attachments-v1')).toThrow(expect.objectContaining({ code: 'LOCKED' }));
    expect(() => vault.listUsers()).toThrow(); // the handle is closed
    expect(events).toEqual([{ event: 'vault:locked', payload: { reason: 'explicit' } }]);

    // Locking again is harmless and silent.
    manager.lock('explicit');
    expect(events).toHaveLength(1);

    // The lock was audited, and per-purpose keys are stable across sessions.
    await manager.unlock(ADMIN.username, ADMIN.password);
    const again = manager.current();
    expect(again.deriveSubkey('attachments-v1').equals(subkey)).toBe(true);
    expect(again.deriveSubkey('something-else').equals(subkey)).toBe(false);
    const lock = again.db.prepare("SELECT detail FROM audit_log WHERE action = 'session.lock'").get();
    expect(lock).toEqual({ detail: JSON.stringify({ reason: 'explicit' }) });
  });

  it('a second sign-in closes the first session rather than keeping two keys', async () => {
    const { manager } = harness();
    await manager.create(ADMIN);
    const first = manager.current();
    await manager.unlock(ADMIN.username, ADMIN.password);
    expect(first.isOpen).toBe(false);
    expect(manager.current()).not.toBe(first);
    expect(manager.current().isOpen).toBe(true);
  });

  it('closing an OpenVault wipes the key buffer it was given', async () => {
    const dir = dirs.make();
    const key = randomBytes(32);
    const db = openEncrypted(databasePath(dir), Buffer.from(key));
    migrate(db);
    const user = { id: 'u1', username: 'admin', displayName: 'Admin', role: 'administrator' as const };
    const vault = new OpenVault(dir, db, key, user, FAST);
    expect(key.equals(Buffer.alloc(32))).toBe(false);
    vault.close();
    expect(key.equals(Buffer.alloc(32))).toBe(true);
    expect(db.open).toBe(false);
  });

  it('dispose locks with reason shutdown', async () => {
    const { manager, events } = harness();
    await manager.create(ADMIN);
    manager.dispose();
    expect(manager.isUnlocked()).toBe(false);
    expect(events).toEqual([{ event: 'vault:locked', payload: { reason: 'shutdown' } }]);
  });
});

describe('idle lock', () => {
  const idleLockMs = 300;

  it('locks after idleLockMs without activity, with reason idle', async () => {
    const { manager, events } = harness({ idleLockMs });
    await manager.create(ADMIN);
    const started = Date.now();
    while (manager.isUnlocked() && Date.now() - started < 5000) await sleep(25);
    const lockedAfter = Date.now() - started;
    expect(manager.isUnlocked()).toBe(false);
    expect(lockedAfter).toBeGreaterThanOrEqual(idleLockMs - 50);
    expect(events).toEqual([{ event: 'vault:locked', payload: { reason: 'idle' } }]);
    expect(manager.status().lastLockReason).toBe('idle');
  });

  it('does not lock while touch() keeps being called', async () => {
    const { manager, events } = harness({ idleLockMs });
    await manager.create(ADMIN);
    const started = Date.now();
    while (Date.now() - started < 4 * idleLockMs) {
      manager.touch();
      await sleep(50);
    }
    expect(manager.isUnlocked()).toBe(true);
    expect(events).toEqual([]);
    // Once activity stops it does lock.
    await sleep(idleLockMs + 600);
    expect(manager.isUnlocked()).toBe(false);
  });
});

/**
 * An administrator resetting another user's password and removing a user, on real vaults:
 * the new password opens and the old does not, a removed user is refused with their name kept
 * on what they wrote, and the rules (not yourself, not the only administrator) hold.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../../main/core/db/connection';
import { readHeader } from '../../../../main/core/vault/header';
import { unlockVault } from '../../../../main/core/vault/vault';
import { createNote, listNotes } from '../../../../main/core/notes/notes.service';
import { newCase } from '../cases/fixtures';
import { ADMIN, CLINICIAN, FAST, newVault, tempDirs, vaultDirIn } from '../temp-vault';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

const TEMPORARY = 'temporary password 9';

function lastAudit(db: Db) {
  return db.prepare('SELECT action, entity_id, detail FROM audit_log ORDER BY seq DESC LIMIT 1').get();
}

describe('resetUserPassword', () => {
  it('gives the user a new slot: the temporary password signs in, the old one does not, audited', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    const clinician = await vault.addUser(CLINICIAN);
    const adminSlot = readHeader(dir).slots[0];
    await vault.resetUserPassword({ userId: clinician.id, temporaryPassword: TEMPORARY });
    expect(lastAudit(vault.db)).toMatchObject({ action: 'user.password_reset', entity_id: clinician.id });
    // The administrator's own slot is untouched; the clinician's is a new one.
    expect(readHeader(dir).slots[0]).toEqual(adminSlot);
    vault.close();

    await expect(unlockVault(dir, CLINICIAN.username, CLINICIAN.password, FAST)).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    const signedIn = await unlockVault(dir, CLINICIAN.username, TEMPORARY, FAST);
    expect(signedIn.user.id).toBe(clinician.id);
    signedIn.close();
    const admin = await unlockVault(dir, ADMIN.username, ADMIN.password, FAST);
    admin.close();
  });

  it('clears the back-off of a user locked out by failed attempts', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    const clinician = await vault.addUser(CLINICIAN);
    await expect(unlockVault(dir, CLINICIAN.username, 'not the password', FAST)).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    expect(readHeader(dir).lockout[CLINICIAN.username]?.failures).toBe(1);
    await vault.resetUserPassword({ userId: clinician.id, temporaryPassword: TEMPORARY });
    expect(readHeader(dir).lockout[CLINICIAN.username]).toBeUndefined();
    vault.close();
  });

  it('refuses your own password (change it instead) and a removed user, changing nothing', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    const clinician = await vault.addUser(CLINICIAN);
    vault.removeUser(clinician.id);
    const header = readHeader(dir);
    await expect(
      vault.resetUserPassword({ userId: vault.user.id, temporaryPassword: TEMPORARY }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('Your password'),
    });
    await expect(vault.resetUserPassword({ userId: clinician.id, temporaryPassword: TEMPORARY })).rejects.toMatchObject(
      {
        code: 'CONFLICT',
      },
    );
    expect(readHeader(dir)).toEqual(header);
    vault.close();
  });
});

describe('removeUser', () => {
  it('destroys the slot and refuses the sign-in, and the name stays on what they wrote', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    const clinician = await vault.addUser(CLINICIAN);
    vault.close();

    const asClinician = await unlockVault(dir, CLINICIAN.username, CLINICIAN.password, FAST);
    const kase = newCase(asClinician);
    createNote(asClinician, kase.id, {
      occurredAt: '2025-06-10T09:30:00Z',
      type: 'case_note',
      text: 'Met the young person at school.',
      thirdPartySensitive: false,
    });
    asClinician.close();

    const admin = await unlockVault(dir, ADMIN.username, ADMIN.password, FAST);
    const removed = admin.removeUser(clinician.id);
    expect(removed).toMatchObject({ id: clinician.id, disabled: true });
    expect(lastAudit(admin.db)).toMatchObject({ action: 'user.remove', entity_id: clinician.id });
    expect(readHeader(dir).slots.map((s) => s.username)).toEqual([ADMIN.username]);
    // The record keeps its author: the row is kept, only the access is gone.
    const notes = listNotes(admin, kase.id, 10, 0);
    expect(notes.items.map((n) => n.authorName)).toEqual([CLINICIAN.displayName]);
    expect(admin.listUsers().find((u) => u.id === clinician.id)).toMatchObject({ disabled: true });
    admin.close();

    await expect(unlockVault(dir, CLINICIAN.username, CLINICIAN.password, FAST)).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
  });

  it('protects the only administrator and refuses removing yourself, changing nothing', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    const header = readHeader(dir);
    expect(() => vault.removeUser(vault.user.id)).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message: expect.stringContaining('only administrator'),
      }),
    );
    const second = await vault.addUser({ ...CLINICIAN, username: 'admin2', role: 'administrator' });
    // With two administrators, removing yourself is still refused.
    expect(() => vault.removeUser(vault.user.id)).toThrow(
      expect.objectContaining({
        code: 'FORBIDDEN',
        message: expect.stringContaining('cannot remove yourself'),
      }),
    );
    expect(readHeader(dir).slots).toHaveLength(2);
    expect(header.slots).toHaveLength(1);
    // The second administrator can go, and then the first is the only one again.
    vault.removeUser(second.id);
    expect(() => vault.removeUser(vault.user.id)).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }));
    expect(
      vault
        .listUsers()
        .filter((u) => !u.disabled)
        .map((u) => u.username),
    ).toEqual([ADMIN.username]);
    vault.close();
  });

  it('refuses an unknown user and a user already removed', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    const clinician = await vault.addUser(CLINICIAN);
    expect(() => vault.removeUser('6f1c1f3e-0000-4000-8000-000000000000')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
    vault.removeUser(clinician.id);
    expect(() => vault.removeUser(clinician.id)).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    vault.close();
  });
});

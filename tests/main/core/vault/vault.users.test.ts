import { afterEach, describe, expect, it } from 'vitest';
import { readHeader } from '../../../../main/core/vault/header';
import { unlockVault } from '../../../../main/core/vault/vault';
import { ADMIN, CLINICIAN, FAST, READER, newVault, tempDirs, vaultDirIn } from '../temp-vault';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe('addUser', () => {
  it('adds a clinician and a read-only user who can then unlock with their own roles', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    const clinician = await vault.addUser(CLINICIAN);
    const reader = await vault.addUser(READER);
    expect(clinician).toMatchObject({ username: CLINICIAN.username, role: 'clinician', disabled: false });
    expect(vault.listUsers().map((u) => [u.username, u.role])).toEqual([
      [ADMIN.username, 'administrator'],
      [CLINICIAN.username, 'clinician'],
      [READER.username, 'read-only'],
    ]);
    const audited = vault.db.prepare("SELECT entity_id FROM audit_log WHERE action = 'user.create' ORDER BY seq").all();
    expect(audited).toEqual([{ entity_id: clinician.id }, { entity_id: reader.id }]);
    vault.close();
    expect(readHeader(dir).slots.map((s) => s.username)).toEqual([ADMIN.username, CLINICIAN.username, READER.username]);

    const asClinician = await unlockVault(dir, CLINICIAN.username, CLINICIAN.password, FAST);
    expect(asClinician.user).toMatchObject({ id: clinician.id, role: 'clinician' });
    asClinician.close();
    const asReader = await unlockVault(dir, READER.username, READER.password, FAST);
    expect(asReader.user.role).toBe('read-only');
    asReader.close();
  });

  it('refuses a duplicate user name (CONFLICT) and changes nothing', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    await vault.addUser(CLINICIAN);
    const header = readHeader(dir);
    await expect(vault.addUser({ ...CLINICIAN, password: 'some other password' })).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(readHeader(dir)).toEqual(header);
    vault.close();
  });
});

describe('changePassword', () => {
  it('replaces the slot: the new password works, the old one does not, other users are unaffected', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    await vault.addUser(CLINICIAN);
    const clinicianSlot = readHeader(dir).slots[1];
    await vault.changePassword(ADMIN.password, 'my new admin password');
    expect(readHeader(dir).slots[1]).toEqual(clinicianSlot);
    const last = vault.db.prepare('SELECT action FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    expect(last).toEqual({ action: 'user.password_change' });
    vault.close();

    await expect(unlockVault(dir, ADMIN.username, ADMIN.password, FAST)).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    (await unlockVault(dir, ADMIN.username, 'my new admin password', FAST)).close();
    (await unlockVault(dir, CLINICIAN.username, CLINICIAN.password, FAST)).close();
  });

  it('with a wrong current password: WRONG_PASSWORD and nothing changes', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    const before = readHeader(dir);
    await expect(vault.changePassword('not my password', 'my new admin password')).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    expect(readHeader(dir)).toEqual(before);
    vault.close();
    (await unlockVault(dir, ADMIN.username, ADMIN.password, FAST)).close();
  });
});

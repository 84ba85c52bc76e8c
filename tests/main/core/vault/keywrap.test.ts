import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { unwrapKey, wrapKey } from '../../../../main/core/vault/keywrap';
import { readHeader, writeHeader } from '../../../../main/core/vault/header';
import { unlockVault } from '../../../../main/core/vault/vault';
import { ADMIN, CLINICIAN, FAST, editHeader, newVault, tempDirs, vaultDirIn } from '../temp-vault';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe('wrapKey / unwrapKey', () => {
  const kek = randomBytes(32);
  const key = randomBytes(32);

  it('round-trips the key', () => {
    const wrapped = wrapKey(kek, key, 'aad');
    expect(unwrapKey(kek, wrapped, 'aad')?.equals(key)).toBe(true);
  });

  it('uses a fresh IV each time', () => {
    expect(wrapKey(kek, key, 'aad').iv).not.toBe(wrapKey(kek, key, 'aad').iv);
  });

  it('returns null for a wrong wrapping key', () => {
    expect(unwrapKey(randomBytes(32), wrapKey(kek, key, 'aad'), 'aad')).toBeNull();
  });

  it('returns null when the associated data differs', () => {
    expect(unwrapKey(kek, wrapKey(kek, key, 'vault-a|slot|user'), 'vault-b|slot|user')).toBeNull();
  });

  it('returns null when the ciphertext or tag was altered', () => {
    const wrapped = wrapKey(kek, key, 'aad');
    const bytes = Buffer.from(wrapped.ciphertext, 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 1;
    expect(unwrapKey(kek, { ...wrapped, ciphertext: bytes.toString('base64') }, 'aad')).toBeNull();
    expect(unwrapKey(kek, { ...wrapped, tag: randomBytes(16).toString('base64') }, 'aad')).toBeNull();
  });
});

describe('slot binding (associated data) in a real vault', () => {
  it('a slot copied onto another user fails to open', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    const clinician = await vault.addUser(CLINICIAN);
    vault.close();
    // Give the clinician the administrator's slot (same password, same wrapped key), re-labelled.
    editHeader(dir, (h) => {
      const admin = h.slots.find((s) => s.username === ADMIN.username);
      if (!admin) throw new Error('no admin slot');
      const forged = { ...admin, userId: clinician.id, username: clinician.username };
      return { ...h, slots: h.slots.map((s) => (s.username === clinician.username ? forged : s)) };
    });
    await expect(unlockVault(dir, CLINICIAN.username, ADMIN.password, FAST)).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
  });

  it('a slot copied from another vault fails to open', async () => {
    const dirA = vaultDirIn(dirs.make());
    const dirB = vaultDirIn(dirs.make());
    const a = await newVault(dirA);
    const b = await newVault(dirB);
    a.vault.close();
    b.vault.close();
    const slotFromA = readHeader(dirA).slots[0];
    if (!slotFromA) throw new Error('no slot');
    const headerB = readHeader(dirB);
    writeHeader(dirB, { ...headerB, slots: [{ ...slotFromA, username: 'intruder' }] });
    // AES-GCM rejects it before the database is touched: a wrong password, not a corrupt vault.
    await expect(unlockVault(dirB, 'intruder', ADMIN.password, FAST)).rejects.toMatchObject({
      code: 'WRONG_PASSWORD',
    });
    // The same slot with vault A's id would unwrap; only the vault id in the AAD stops it.
    writeHeader(dirB, { ...headerB, vaultId: readHeader(dirA).vaultId, slots: [slotFromA] });
    await expect(unlockVault(dirB, ADMIN.username, ADMIN.password, FAST)).rejects.toMatchObject({
      code: 'VAULT_CORRUPT',
    });
  });
});

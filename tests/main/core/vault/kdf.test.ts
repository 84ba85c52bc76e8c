import { afterEach, describe, expect, it } from 'vitest';
import { readHeader } from '../../../../main/core/vault/header';
import { MIN_N, calibrate, deriveKey, kdfParamsSchema, newSalt, scryptParams } from '../../../../main/core/vault/kdf';
import { createVault } from '../../../../main/core/vault/vault';
import { ADMIN, CLINICIAN, FAST, editHeader, newVault, tempDirs, vaultDirIn } from '../temp-vault';
import { unlockVault } from '../../../../main/core/vault/vault';

const dirs = tempDirs();
afterEach(() => dirs.cleanup());

describe('calibrate', () => {
  it('returns scrypt with a power-of-two N in [2^15, 2^20], r=8, p=1, 32-byte keys', async () => {
    const params = await calibrate();
    expect(params.algorithm).toBe('scrypt');
    expect(Number.isInteger(Math.log2(params.N))).toBe(true);
    expect(params.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(params.N).toBeLessThanOrEqual(2 ** 20);
    expect(params).toMatchObject({ r: 8, p: 1, keyLength: 32 });
    expect(kdfParamsSchema.safeParse(params).success).toBe(true);
  });

  it('is used for the first slot when no KDF is given, and recorded in the header', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await createVault(dir, ADMIN); // the real calibration: no `kdf` option
    vault.close();
    const [slot] = readHeader(dir).slots;
    expect(slot?.kdf.N).toBeGreaterThanOrEqual(2 ** 15);
    expect(slot?.kdf.N).toBeLessThanOrEqual(2 ** 20);
  });
});

describe('deriveKey', () => {
  const params = scryptParams(MIN_N);

  it('is deterministic for the same password, salt and parameters', async () => {
    const salt = newSalt();
    const a = await deriveKey('a long enough password', salt, params);
    const b = await deriveKey('a long enough password', Buffer.from(salt), params);
    expect(a.length).toBe(32);
    expect(a.equals(b)).toBe(true);
  });

  it('differs for a different salt, password or parameters', async () => {
    const salt = newSalt();
    const base = await deriveKey('a long enough password', salt, params);
    expect(base.equals(await deriveKey('a long enough password', newSalt(), params))).toBe(false);
    expect(base.equals(await deriveKey('a long enough passworD', salt, params))).toBe(false);
    expect(base.equals(await deriveKey('a long enough password', salt, scryptParams(2 ** 15)))).toBe(false);
  });

  it('treats composed and decomposed Unicode passwords alike (NFC)', async () => {
    const salt = newSalt();
    const composed = await deriveKey('caf\u00e9 password 12', salt, params);
    const decomposed = await deriveKey('cafe\u0301 password 12', salt, params);
    expect(composed.equals(decomposed)).toBe(true);
  });
});

describe('KDF parameters in the header', () => {
  it('are recorded in every slot', async () => {
    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    await vault.addUser(CLINICIAN);
    vault.close();
    const { slots } = readHeader(dir);
    expect(slots).toHaveLength(2);
    for (const slot of slots) expect(slot.kdf).toEqual(FAST.kdf);
    expect(new Set(slots.map((s) => s.salt)).size).toBe(2);
  });

  it('rejects a slot whose N is below the minimum, or not a power of two', async () => {
    expect(kdfParamsSchema.safeParse(scryptParams(2 ** 13)).success).toBe(false);
    expect(kdfParamsSchema.safeParse(scryptParams(3 * 2 ** 14)).success).toBe(false);

    const dir = vaultDirIn(dirs.make());
    const { vault } = await newVault(dir);
    vault.close();
    editHeader(dir, (h) => ({ ...h, slots: h.slots.map((s) => ({ ...s, kdf: { ...s.kdf, N: 2 ** 10 } })) }));
    expect(() => readHeader(dir)).toThrow(expect.objectContaining({ code: 'VAULT_CORRUPT' }));
    await expect(unlockVault(dir, ADMIN.username, ADMIN.password, FAST)).rejects.toMatchObject({
      code: 'VAULT_CORRUPT',
    });
  });
});

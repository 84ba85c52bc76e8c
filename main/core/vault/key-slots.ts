/**
 * Password key slots: each user's copy of the database key, wrapped with a key derived from
 * their password. The vault id, slot id and user id are bound into the wrapping (AAD), so a slot
 * copied into another vault, or relabelled for another user, does not open.
 */
import { randomUUID } from 'node:crypto';
import type { Role } from '../../../preload/contract';
import type { PasswordSlot, VaultHeader } from './header';
import { deriveKey, newSalt, type KdfParams } from './kdf';
import { unwrapKey, wrapKey } from './keywrap';

function slotAad(vaultId: string, slotId: string, userId: string): string {
  return `ncats-slot-v1|${vaultId}|${slotId}|${userId}`;
}

/** A new slot holding `key` for `user`, opened by `password`. */
export async function makeSlot(
  header: Pick<VaultHeader, 'vaultId'>,
  key: Buffer,
  user: { id: string; username: string; role: Role },
  password: string,
  kdf: KdfParams,
): Promise<PasswordSlot> {
  const id = randomUUID();
  const salt = newSalt();
  const kek = await deriveKey(password, salt, kdf);
  try {
    const wrapped = wrapKey(kek, key, slotAad(header.vaultId, id, user.id));
    return {
      id,
      kind: 'password',
      userId: user.id,
      username: user.username,
      role: user.role,
      kdf,
      salt: salt.toString('base64'),
      wrapped,
    };
  } finally {
    kek.fill(0);
  }
}

/** The database key held by `slot`, or null when `password` is not the one that opens it. */
export async function openSlot(
  header: Pick<VaultHeader, 'vaultId'>,
  slot: PasswordSlot,
  password: string,
): Promise<Buffer | null> {
  const kek = await deriveKey(password, Buffer.from(slot.salt, 'base64'), slot.kdf);
  try {
    return unwrapKey(kek, slot.wrapped, slotAad(header.vaultId, slot.id, slot.userId));
  } finally {
    kek.fill(0);
  }
}

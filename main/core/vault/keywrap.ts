import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface Wrapped {
  iv: string;
  ciphertext: string;
  tag: string;
}

/**
 * AES-256-GCM key wrapping. The associated data binds a wrapped key to its slot (vault id,
 * slot id, user id), so a slot copied onto another user, or from another vault, fails to open.
 */
export function wrapKey(kek: Buffer, key: Buffer, aad: string): Wrapped {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(key), cipher.final()]);
  return {
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** Returns the key, or null when the wrapping key is wrong or the slot was altered. */
export function unwrapKey(kek: Buffer, wrapped: Wrapped, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(wrapped.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(wrapped.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(wrapped.ciphertext, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

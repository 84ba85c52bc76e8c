import { randomBytes } from 'node:crypto';
import { base32 } from '../keys/fingerprint';

/**
 * A passphrase to suggest for a passphrase bundle: 125 random bits as five groups of five
 * lower-case base32 characters (no 0, 1, 8 or 9 to misread), e.g. `k7qf2-mztwb-4xpld-3h6ra-q2v5n`.
 * Strong enough that age's scrypt (work factor 18) is not what protects it, and easy to read
 * out over the phone. Send it by a different route from the bundle.
 */
export function suggestPassphrase(): string {
  const text = base32(randomBytes(16)).slice(0, 25).toLowerCase();
  return text.match(/.{5}/g)?.join('-') ?? text;
}

/** The shortest passphrase accepted for an export (a person may choose their own). */
export const MIN_PASSPHRASE_LENGTH = 16;

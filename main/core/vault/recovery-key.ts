import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors';

/**
 * The recovery key IS the database key, written as 64 hex digits in eight groups of eight.
 * Stock SQLCipher 4 opens the database with `PRAGMA key = "x'<the 64 digits>'"`, so a vault
 * can be recovered even without this app. It is shown once at creation and never stored.
 */
export function formatRecoveryKey(key: Buffer): string {
  const hex = key.toString('hex').toUpperCase();
  const groups: string[] = [];
  for (let i = 0; i < hex.length; i += 8) groups.push(hex.slice(i, i + 8));
  return groups.join('-');
}

/** Accepts the key with any separators or spacing and in either case. */
export function parseRecoveryKey(text: string): Buffer {
  const hex = text.replace(/[\s\-_:]/g, '');
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    throw new AppError(
      'WRONG_RECOVERY_KEY',
      'A recovery key is 64 characters (0-9 and A-F), usually written in eight groups of eight.',
    );
  }
  return Buffer.from(hex, 'hex');
}

/**
 * A check value stored in the header, so a mistyped recovery key gets a clear answer before
 * the database is touched. HMAC under the key itself reveals nothing about a 256-bit key.
 */
export function keyCheck(key: Buffer): string {
  return createHmac('sha256', key).update('ncats vault key check v1').digest('base64');
}

export function keyMatchesCheck(key: Buffer, check: string): boolean {
  const a = Buffer.from(keyCheck(key), 'base64');
  const b = Buffer.from(check, 'base64');
  return a.length === b.length && timingSafeEqual(a, b);
}

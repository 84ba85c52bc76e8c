import { createHash } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** RFC 4648 base32 without padding. */
export function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

/**
 * A fingerprint two people can read to each other: SHA-256 over both public keys, as five
 * groups of four base32 characters (100 bits, no 0/1/8/9 to confuse with letters), e.g.
 * `K7QF-2MZT-WB4X-PLD3-H6RA`. Covering both keys means neither can be swapped on its own.
 */
export function keyFingerprint(ageRecipient: string, signingKey: string): string {
  const digest = createHash('sha256').update(`ncats-key-card-v1\n${ageRecipient}\n${signingKey}\n`, 'utf8').digest();
  const text = base32(digest).slice(0, 20);
  return text.match(/.{4}/g)?.join('-') ?? text;
}

/** Fingerprints compare case-insensitively and ignoring spaces and dashes (as read aloud). */
export function sameFingerprint(a: string, b: string): boolean {
  const norm = (s: string) => s.toUpperCase().replace(/[\s-]/g, '');
  return norm(a) === norm(b);
}

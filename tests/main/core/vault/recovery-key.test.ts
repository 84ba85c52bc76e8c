import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  formatRecoveryKey,
  keyCheck,
  keyMatchesCheck,
  parseRecoveryKey,
} from '../../../../main/core/vault/recovery-key';

describe('recovery key', () => {
  const key = randomBytes(32);
  const formatted = formatRecoveryKey(key);

  it('is eight groups of eight upper-case hex digits separated by dashes', () => {
    expect(formatted).toMatch(/^[0-9A-F]{8}(-[0-9A-F]{8}){7}$/);
    expect(formatted.replace(/-/g, '').toLowerCase()).toBe(key.toString('hex'));
  });

  it.each([
    ['as formatted', (s: string) => s],
    ['lower case', (s: string) => s.toLowerCase()],
    ['spaces instead of dashes', (s: string) => s.replace(/-/g, ' ')],
    ['no separators', (s: string) => s.replace(/-/g, '')],
    ['surrounding white space and line breaks', (s: string) => `  ${s.replace(/-/g, '\n')}  `],
  ])('parses %s', (_name, variant) => {
    expect(parseRecoveryKey(variant(formatted)).equals(key)).toBe(true);
  });

  it.each([
    ['one digit short', formatted.slice(0, -1)],
    ['one digit too many', `${formatted}A`],
    ['a non-hex character', `G${formatted.slice(1)}`],
    ['empty', ''],
  ])('rejects %s with WRONG_RECOVERY_KEY', (_name, text) => {
    expect(() => parseRecoveryKey(text)).toThrow(expect.objectContaining({ code: 'WRONG_RECOVERY_KEY' }));
  });

  it('check value matches only its own key', () => {
    expect(keyMatchesCheck(key, keyCheck(key))).toBe(true);
    expect(keyMatchesCheck(randomBytes(32), keyCheck(key))).toBe(false);
    expect(keyMatchesCheck(key, 'not base64 of the right length')).toBe(false);
  });
});

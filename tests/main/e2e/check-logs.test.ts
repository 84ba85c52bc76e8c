/**
 * The check run after the e2e suite (tests/e2e/global-teardown.ts): planted secrets in planted
 * logs are found, in the shapes they would be logged in, and the report never repeats them.
 */
import { describe, expect, it } from 'vitest';
import { describeFindings, findSecrets, type Secret } from '../../e2e/log-capture/check-logs';

const KEY = '0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF';
const SECRETS: Secret[] = [
  { kind: 'password', value: 'correct horse battery' },
  { kind: 'recovery key', value: KEY.replace(/(.{4})(?!$)/g, '$1 ') },
  { kind: "young person's name", value: 'Jordan Whitfield' },
];

describe('findSecrets', () => {
  it('finds nothing in clean logs', () => {
    const logs = [{ file: 'worker-1.log', text: 'host started on 127.0.0.1\nvault unlocked for spatel\n' }];
    expect(findSecrets(logs, SECRETS)).toEqual([]);
  });

  it.each([
    ['a password in an error', 'Error: unlock failed for "Correct Horse Battery"', 'password'],
    ['a recovery key with dashes', `key ${KEY.replace(/(.{4})(?!$)/g, '$1-')}`, 'recovery key'],
    ['a recovery key raw, in lower case', `{"recoveryKey":"${KEY.toLowerCase()}"}`, 'recovery key'],
    ['a full name', '[warn] rendering Jordan Whitfield', "young person's name"],
    ['a family name in JSON', '{"givenName":"J","familyName":"Whitfield"}', "young person's name"],
  ])('finds %s and names the file, line and kind', (_what, line, kind) => {
    const logs = [{ file: 'browser-7.log', text: `first line\n${line}\nlast line` }];
    expect(findSecrets(logs, SECRETS)).toEqual([{ file: 'browser-7.log', line: 2, kind }]);
  });

  it('matches names as whole words only', () => {
    const logs = [{ file: 'w.log', text: 'Whitfields and Jordanian are other words' }];
    expect(findSecrets(logs, SECRETS)).toEqual([]);
  });

  it('reports where, never the secret itself', () => {
    const logs = [{ file: 'w.log', text: `oops correct horse battery ${KEY}` }];
    const report = describeFindings(findSecrets(logs, SECRETS));
    expect(report).toContain('w.log:1');
    expect(report).not.toMatch(/horse|0123/i);
  });
});

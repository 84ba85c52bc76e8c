/**
 * Reading the machine policy file: where it is on each platform, a missing file (the defaults),
 * a valid one (its settings over the defaults), and every way it can be invalid (the strictest
 * values, with reasons in words). Real files in a temporary folder.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadMachinePolicy, policyFilePath } from '../../../../main/core/policy/policy-file';
import { DEFAULT_MACHINE_POLICY, STRICTEST_MACHINE_POLICY } from '../../../../preload/contract/policy';
import { tempDirs } from '../temp-vault';

const dirs = tempDirs('ncats-policy-');
afterEach(() => dirs.cleanup());

/** Write `text` as a policy file and read it back through NCATS_POLICY_FILE. */
function loadText(text: string | Buffer) {
  const file = join(dirs.make(), 'policy.json');
  writeFileSync(file, text);
  return loadMachinePolicy({ platform: 'linux', env: { NCATS_POLICY_FILE: file } });
}

describe('where the policy file is', () => {
  it('is the machine-wide folder of each platform', () => {
    expect(policyFilePath({ platform: 'linux', env: {} })).toBe('/etc/ncats/policy.json');
    expect(policyFilePath({ platform: 'darwin', env: {} })).toBe('/Library/Application Support/NCATS/policy.json');
    expect(policyFilePath({ platform: 'win32', env: { ProgramData: 'D:\\ProgramData' } })).toBe(
      'D:\\ProgramData\\NCATS\\policy.json',
    );
    expect(policyFilePath({ platform: 'win32', env: {} })).toBe('C:\\ProgramData\\NCATS\\policy.json');
  });

  it('is NCATS_POLICY_FILE when that is set, on every platform', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(policyFilePath({ platform, env: { NCATS_POLICY_FILE: '/tmp/p.json' } })).toBe('/tmp/p.json');
    }
  });
});

describe('a missing policy file', () => {
  it('puts the defaults in force, with no problems (a laptop IT does not manage)', () => {
    const file = join(dirs.make(), 'not-there.json');
    expect(loadMachinePolicy({ platform: 'linux', env: { NCATS_POLICY_FILE: file } })).toEqual({
      policy: DEFAULT_MACHINE_POLICY,
      source: 'defaults',
      path: file,
      problems: [],
    });
  });
});

describe('a valid policy file', () => {
  it('puts every setting it gives in force', () => {
    const given = {
      maxIdleLockMinutes: 3,
      minPasswordLength: 20,
      passphraseBundlesAllowed: false,
      documentExportAllowed: false,
      backupFolder: 'D:\\Backups\\NCATS',
      backupCount: 30,
      backupMaxAgeDays: 2,
      vaultLocation: '/srv/ncats/vault',
    };
    expect(loadText(JSON.stringify(given))).toMatchObject({ policy: given, source: 'file', problems: [] });
  });

  it('takes the defaults for the settings it leaves out (a byte-order mark is fine)', () => {
    const status = loadText('\uFEFF{ "minPasswordLength": 14 }');
    expect(status.source).toBe('file');
    expect(status.policy).toEqual({ ...DEFAULT_MACHINE_POLICY, minPasswordLength: 14 });
  });

  it('may be an empty object: every default', () => {
    expect(loadText('{}')).toMatchObject({ policy: DEFAULT_MACHINE_POLICY, source: 'file', problems: [] });
  });
});

describe('an invalid policy file puts the strictest values in force and says why', () => {
  const cases: [string, string | Buffer, RegExp][] = [
    ['not JSON', '{ maxIdleLockMinutes: 5', /not valid JSON/],
    ['not an object', '[1, 2]', /one JSON object/],
    ['an idle lock too long', '{ "maxIdleLockMinutes": 600 }', /"maxIdleLockMinutes" is not valid/],
    ['a password minimum below the app’s floor', '{ "minPasswordLength": 8 }', /"minPasswordLength" is not valid/],
    ['a yes/no written as text', '{ "documentExportAllowed": "no" }', /"documentExportAllowed" is not valid/],
    [
      'a backup folder that is not a full path',
      '{ "backupFolder": "backups" }',
      /"backupFolder" is not valid: must be a full folder path/,
    ],
    ['a misspelt setting', '{ "maxIdleMinutes": 5 }', /does not know: "maxIdleMinutes"\. Check their spelling/],
    ['a file far too large', Buffer.alloc(70 * 1024, 0x20), /larger than 64 KB/],
  ];
  for (const [what, text, reason] of cases) {
    it(`for ${what}`, () => {
      const status = loadText(text);
      expect(status.source).toBe('strictest');
      expect(status.policy).toEqual(STRICTEST_MACHINE_POLICY);
      expect(status.problems.join(' ')).toMatch(reason);
    });
  }

  it('lists every problem, not only the first', () => {
    const status = loadText('{ "maxIdleLockMinutes": 0, "backupCount": -1 }');
    expect(status.problems).toHaveLength(2);
  });

  it('when the path is a folder, not a file', () => {
    const folder = join(dirs.make(), 'policy.json');
    mkdirSync(folder);
    const status = loadMachinePolicy({ platform: 'linux', env: { NCATS_POLICY_FILE: folder } });
    expect(status).toMatchObject({ source: 'strictest', policy: STRICTEST_MACHINE_POLICY });
    expect(status.problems[0]).toMatch(/could not be read \(EISDIR\)/);
  });

  it('the strictest values are no looser than the defaults in any setting', () => {
    const s = STRICTEST_MACHINE_POLICY;
    const d = DEFAULT_MACHINE_POLICY;
    expect(s.maxIdleLockMinutes).toBeLessThanOrEqual(d.maxIdleLockMinutes);
    expect(s.minPasswordLength).toBeGreaterThanOrEqual(d.minPasswordLength);
    expect(s.passphraseBundlesAllowed).toBe(false);
    expect(s.documentExportAllowed).toBe(false);
    expect(s.backupMaxAgeDays).toBeLessThanOrEqual(d.backupMaxAgeDays);
  });
});

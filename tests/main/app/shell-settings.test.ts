/** main/app/shell-settings.ts: the shell's settings file, read within the policy, the window size kept. */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_MACHINE_POLICY } from '../../../preload/contract/policy';
import { loadShellSettings, rememberWindowSize, settingsFileIn } from '../../../main/app/shell-settings';
import { policyLocationFor } from '../../../main/app/launch-options';
import { tempDirs } from '../core/temp-vault';

const dirs = tempDirs('ncats-shell-settings-');
afterAll(() => dirs.cleanup());

describe('shell settings', () => {
  it('starts with nothing when there is no file, and keeps the window size for next time', () => {
    const userData = dirs.make();
    expect(loadShellSettings(userData, DEFAULT_MACHINE_POLICY).settings).toEqual({});
    expect(rememberWindowSize(userData, { width: 1440.4, height: 900 })).toEqual({ saved: true });
    expect(loadShellSettings(userData, DEFAULT_MACHINE_POLICY).settings).toEqual({
      window: { width: 1440, height: 900 },
    });
  });

  it('keeps the other settings when it writes the size, and cuts them to the policy when read', () => {
    const userData = dirs.make();
    writeFileSync(settingsFileIn(userData), JSON.stringify({ idleLockMinutes: 60, lastVaultFolder: '/elsewhere' }));
    rememberWindowSize(userData, { width: 1000, height: 700 });
    expect(JSON.parse(readFileSync(settingsFileIn(userData), 'utf8'))).toEqual({
      idleLockMinutes: 60,
      lastVaultFolder: '/elsewhere',
      window: { width: 1000, height: 700 },
    });
    const strict = { ...DEFAULT_MACHINE_POLICY, maxIdleLockMinutes: 5, vaultLocation: '/srv/vaults' };
    const inForce = loadShellSettings(userData, strict);
    expect(inForce.settings).toEqual({ idleLockMinutes: 5, window: { width: 1000, height: 700 } });
    expect(inForce.notes).toHaveLength(2);
  });

  it('does not keep a size the settings cannot hold, and says why instead of throwing', () => {
    const userData = dirs.make();
    const kept = rememberWindowSize(userData, { width: 20_000, height: 700 });
    expect(kept.saved).toBe(false);
    expect(loadShellSettings(userData, DEFAULT_MACHINE_POLICY).settings).toEqual({});
  });
});

describe('policyLocationFor', () => {
  const env = { NCATS_POLICY_FILE: '/home/user/my-policy.json', ProgramData: 'C:\\ProgramData' };

  it('a packaged app ignores NCATS_POLICY_FILE: a user could otherwise lift IT’s limits', () => {
    expect(policyLocationFor(true, 'win32', env).env).toEqual({ ProgramData: 'C:\\ProgramData' });
  });

  it('tests and development keep the override', () => {
    expect(policyLocationFor(false, 'linux', env).env.NCATS_POLICY_FILE).toBe('/home/user/my-policy.json');
  });
});

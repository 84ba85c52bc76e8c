/**
 * User settings never go beyond the machine policy: the idle lock is cut to the policy's
 * maximum, a vault folder outside `vaultLocation` is dropped, and creating or opening a vault
 * outside it through the router is refused in words. The settings file is written atomically
 * and holds only what its schema allows; a damaged file reads as no settings.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_MACHINE_POLICY, type MachinePolicy } from '../../../../preload/contract/policy';
import { createCore } from '../../../../main/core/core';
import { readSettingsFile, writeSettingsFile } from '../../../../main/core/policy/settings-file';
import { settingsWithinPolicy } from '../../../../main/core/policy/user-settings';
import { CORE_ADMIN } from '../core-fixture';
import { FAST } from '../temp-vault';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ncats-settings-'));
  made.push(dir);
  return dir;
}
const policy = (p: Partial<MachinePolicy>): MachinePolicy => ({ ...DEFAULT_MACHINE_POLICY, ...p });

describe('settingsWithinPolicy', () => {
  it('cuts the idle lock to the policy maximum and says so', () => {
    const { settings, notes } = settingsWithinPolicy({ idleLockMinutes: 30 }, policy({ maxIdleLockMinutes: 5 }));
    expect(settings.idleLockMinutes).toBe(5);
    expect(notes).toEqual([expect.stringMatching(/lock after 30 minutes; .* at most 5/)]);
    expect(settingsWithinPolicy({ idleLockMinutes: 3 }, policy({ maxIdleLockMinutes: 5 }))).toEqual({
      settings: { idleLockMinutes: 3 },
      notes: [],
    });
  });

  it('drops a last vault folder outside vaultLocation, and keeps one inside it', () => {
    const p = policy({ vaultLocation: '/srv/vaults' });
    expect(settingsWithinPolicy({ lastVaultFolder: '/srv/vaults/team-a' }, p).settings.lastVaultFolder).toBe(
      '/srv/vaults/team-a',
    );
    for (const outside of ['/home/sam/vault', '/srv/vaults-old/a', '/srv/vaults/../elsewhere']) {
      const result = settingsWithinPolicy({ lastVaultFolder: outside }, p);
      expect(result.settings.lastVaultFolder, outside).toBeUndefined();
      expect(result.notes[0]).toContain('outside /srv/vaults');
    }
  });
});

describe('the settings file', () => {
  it('writes atomically, only the settings it knows, and reads a damaged file as none', () => {
    const dir = folder();
    const file = join(dir, 'settings.json');
    writeSettingsFile(file, { window: { width: 1280, height: 800 }, idleLockMinutes: 5 });
    writeSettingsFile(file, {
      window: { width: 1024, height: 700 },
      ...({ caseNotes: 'must never be kept' } as object),
    });
    expect(readdirSync(dir)).toEqual(['settings.json']);
    expect(readFileSync(file, 'utf8')).not.toContain('must never be kept');
    expect(readSettingsFile(file)).toEqual({ window: { width: 1024, height: 700 } });
    writeFileSync(file, '{"window": {"width": 10');
    expect(readSettingsFile(file)).toEqual({});
    expect(readSettingsFile(join(dir, 'missing.json'))).toEqual({});
    expect(() => writeSettingsFile(join(dir, 'no-such-folder', 's.json'), {})).toThrow();
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });
});

describe('vaultLocation through the router', () => {
  const status = (vaultLocation: string) => ({
    policy: policy({ vaultLocation }),
    source: 'file' as const,
    path: '',
    problems: [],
    setInFile: ['vaultLocation' as const],
  });

  it('refuses to create or open a vault outside it, and allows one inside', async () => {
    const dir = folder();
    const outside = createCore(join(dir, 'elsewhere', 'vault'), { vault: FAST, policy: status(join(dir, 'vaults')) });
    try {
      const refused = await outside.router('vault:create', CORE_ADMIN);
      expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(!refused.ok && refused.error.message).toContain(`is outside ${join(dir, 'vaults')}`);
      expect(existsSync(join(dir, 'elsewhere', 'vault'))).toBe(false);
      expect(await outside.router('vault:unlock', { username: 'admin', password: CORE_ADMIN.password })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    } finally {
      outside.manager.dispose();
    }
    const inside = createCore(join(dir, 'vaults', 'team'), { vault: FAST, policy: status(join(dir, 'vaults')) });
    try {
      expect(await inside.router('vault:create', CORE_ADMIN)).toMatchObject({ ok: true });
    } finally {
      inside.manager.dispose();
    }
  });
});

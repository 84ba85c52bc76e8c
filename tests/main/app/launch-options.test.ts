import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  defaultVaultDir,
  devNativeBindingPath,
  packagedNativeBindingPath,
  parseLaunchArgs,
  resolveNativeBinding,
  type NativeBindingInput,
} from '../../../main/app/launch-options';

describe('parseLaunchArgs', () => {
  it('reads --vault and --profile in both spellings, resolved to absolute paths', () => {
    expect(parseLaunchArgs(['/usr/bin/electron', '.', '--vault', '/tmp/v1', '--profile=/tmp/p1'])).toEqual({
      vaultDir: '/tmp/v1',
      profileDir: '/tmp/p1',
      idleLockMs: null,
    });
    expect(parseLaunchArgs(['electron', '.', '--vault=rel/v']).vaultDir).toBe(path.resolve('rel/v'));
  });
  it('ignores a flag with no value, and everything it does not know', () => {
    const none = { vaultDir: null, profileDir: null, idleLockMs: null };
    expect(parseLaunchArgs(['electron', '.', '--vault', '--no-sandbox'])).toEqual(none);
    expect(parseLaunchArgs(['electron', '.', '--vault='])).toEqual(none);
    expect(parseLaunchArgs(['NCATS Casework', '--inspect=9229'])).toEqual(none);
  });
  it('reads a whole number of milliseconds, at least one second, for --idle-lock-ms', () => {
    expect(parseLaunchArgs(['e', '--idle-lock-ms', '2500']).idleLockMs).toBe(2500);
    for (const bad of ['999', '-5', '1.5', 'soon', '']) {
      expect(parseLaunchArgs(['e', `--idle-lock-ms=${bad}`]).idleLockMs).toBeNull();
    }
  });
  it('defaults the vault to userData/vault', () => {
    expect(defaultVaultDir('/home/ann/.config/NCATS Casework')).toBe('/home/ann/.config/NCATS Casework/vault');
  });
});

describe('resolveNativeBinding', () => {
  const base: NativeBindingInput = {
    isPackaged: false,
    env: {},
    resourcesPath: '/opt/ncats/resources',
    appPath: '/src/ncats',
    electronVersion: '45.5.0',
    exists: () => false,
  };

  it('uses the binding shipped in the package, and ignores the environment there', () => {
    const packaged = { ...base, isPackaged: true, env: { NCATS_NATIVE_BINDING: '/tmp/evil.node' } };
    expect(resolveNativeBinding(packaged)).toBe(packagedNativeBindingPath('/opt/ncats/resources'));
    expect(resolveNativeBinding(packaged)).toBe(
      '/opt/ncats/resources/app.asar.unpacked/node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
    );
  });
  it('in development, prefers NCATS_NATIVE_BINDING, then the .electron-native build', () => {
    expect(resolveNativeBinding({ ...base, env: { NCATS_NATIVE_BINDING: '/x/b.node' } })).toBe('/x/b.node');
    const devBuild = devNativeBindingPath('/src/ncats', '45.5.0');
    expect(devBuild).toBe(
      '/src/ncats/.electron-native/45.5.0/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
    );
    expect(resolveNativeBinding({ ...base, exists: (f) => f === devBuild })).toBe(devBuild);
    expect(resolveNativeBinding(base)).toBeUndefined();
  });
});

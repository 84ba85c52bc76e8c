/**
 * electron-builder.yml against electron-builder's own schema (the same check `electron-builder`
 * runs before packaging), plus the settings this app's security and deployment depend on:
 * every installer target, the fuses, ASAR, no publish provider or updater, and code signing
 * only through the environment. No Electron needed.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
// js-yaml and the validator come with electron-builder; resolve them from there.
const requireFromBuilder = createRequire(createRequire(import.meta.url).resolve('app-builder-lib/package.json'));
const yaml = requireFromBuilder('js-yaml') as { load(text: string): unknown };
const { validateConfiguration } = requireFromBuilder('./out/util/config/config') as {
  validateConfiguration(config: unknown, logger: unknown): Promise<void>;
};
const { DebugLogger } = requireFromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  asarUnpack: string[];
  npmRebuild: boolean;
  files: string[];
  publish: unknown;
  directories: { output: string; buildResources: string };
  electronFuses: Record<string, boolean>;
  nsis: { oneClick: boolean; perMachine: boolean; deleteAppDataOnUninstall: boolean };
  msi: { oneClick: boolean; perMachine: boolean; upgradeCode: string };
  win: { icon: string; target: { target: string; arch: string[] }[] };
  mac: {
    icon: string;
    target: { target: string }[];
    hardenedRuntime: boolean;
    entitlements: string;
    entitlementsInherit: string;
  };
  linux: { icon: string; target: string[] };
}

const config = yaml.load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it('passes electron-builder 26 schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the validation catches a misspelt key (so the check above means something)', async () => {
    await expect(validateConfiguration({ ...config, electronFuse: {} }, new DebugLogger(false))).rejects.toThrow(
      /electronFuse/,
    );
  });

  it('names the app and packages only the build, in an asar, rebuilt for Electron', () => {
    expect(config.appId).toBe('uk.org.nspcc.ncats.casework');
    expect(config.productName).toBe('NCATS Casework');
    expect(config.directories.output).toBe('dist');
    expect(config.files).toEqual(['out/**', 'package.json']);
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(config.publish).toBeNull();
  });

  it('flips the fuses that close Node-level back doors', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds per-machine NSIS and MSI installers (not one-click), a DMG and a zip, an AppImage and a deb', () => {
    expect(config.win.target).toEqual([
      { target: 'nsis', arch: ['x64'] },
      { target: 'msi', arch: ['x64'] },
    ]);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: true, deleteAppDataOnUninstall: false });
    expect(config.msi).toMatchObject({ oneClick: false, perMachine: true });
    // A fixed upgrade code is what lets `msiexec /i` replace an older version in place.
    expect(config.msi.upgradeCode).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg', 'zip']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });

  it('unpacks the SQLCipher binding from the asar (a native module cannot load from inside it)', () => {
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3-multiple-ciphers/build/Release/*.node']);
  });

  it('signs macOS builds with the hardened runtime and entitlements that exist and allow only JIT', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements);
    const plist = readFileSync(path.join(root, config.mac.entitlements), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    expect([...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1])).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('has every icon it names, in the right format', () => {
    const magic = (file: string, length: number): string =>
      readFileSync(path.join(root, file)).subarray(0, length).toString('latin1');
    expect(magic(config.win.icon, 4)).toBe('\0\0\x01\0');
    expect(magic(config.mac.icon, 4)).toBe('icns');
    for (const size of [16, 32, 48, 64, 128, 256, 512]) {
      expect(magic(path.join(config.linux.icon, `${size}x${size}.png`), 4)).toBe('\x89PNG');
    }
    expect(existsSync(path.join(root, config.directories.buildResources, 'icon.png'))).toBe(true);
  });
});

describe('updates and signing', () => {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as Record<
    string,
    Record<string, string>
  >;

  it('has no auto-updater: electron-updater is not a dependency of any kind', () => {
    for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
      expect(Object.keys(pkg[field] ?? {})).not.toContain('electron-updater');
    }
    expect(JSON.stringify(config)).not.toMatch(/"publish":\s*\{|"provider"/);
  });

  it('names no certificate, identity or signing password in the config', () => {
    const text = readFileSync(path.join(root, 'electron-builder.yml'), 'utf8');
    const settings = text.split('\n').filter((line) => !line.trimStart().startsWith('#'));
    for (const key of [
      'cscLink',
      'cscKeyPassword',
      'certificateFile',
      'certificatePassword',
      'certificateSha1',
      'identity',
      'appleId',
      'teamId',
    ]) {
      expect(settings.join('\n')).not.toMatch(new RegExp(`^\\s*${key}:`, 'm'));
    }
  });

  it('tracks no certificate or key file in git', () => {
    const tracked = execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }).split('\n');
    expect(
      tracked.filter((file) => /\.(p12|pfx|cer|crt|pem|key|p8|mobileprovision|provisionprofile)$/i.test(file)),
    ).toEqual([]);
  });
});

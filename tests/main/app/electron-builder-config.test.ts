/**
 * electron-builder.yml against electron-builder's own schema (the same check `electron-builder`
 * runs before packaging), plus the settings this app's security depends on.
 */
import { readFileSync } from 'node:fs';
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
  npmRebuild: boolean;
  files: string[];
  publish: unknown;
  directories: { output: string };
  electronFuses: Record<string, boolean>;
  nsis: { perMachine: boolean; deleteAppDataOnUninstall: boolean };
  win: { target: { target: string }[] };
  mac: { target: { target: string }[] };
  linux: { target: string[] };
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

  it('builds a per-machine NSIS installer, a DMG, an AppImage and a deb', () => {
    expect(config.win.target.map((t) => t.target)).toEqual(['nsis']);
    expect(config.nsis.perMachine).toBe(true);
    expect(config.nsis.deleteAppDataOnUninstall).toBe(false);
    expect(config.mac.target.map((t) => t.target)).toEqual(['dmg']);
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
  });
});

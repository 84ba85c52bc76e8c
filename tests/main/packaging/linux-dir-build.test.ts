/**
 * `electron-builder --linux dir` for real: the layout IT installs (asar, the SQLCipher binding
 * unpacked beside it) and the fuses in the binary. It needs Electron's Linux zip (a cache, a
 * mirror, or node_modules/electron/dist) and, for the native rebuild, Electron's headers; where
 * the runtime cannot be had it is skipped, and the test's name says why.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronRuntime } from './electron-runtime';
import { fusesOf, packageApp, packagedExecutable, projectRoot, resourcesDir } from './package-app';

const runtime = findElectronRuntime({ projectRoot, env: process.env, platform: 'linux', arch: process.arch });
const canRun = process.platform === 'linux' && runtime.available;
const why = runtime.available ? 'skipped: the Linux packages are built on Linux' : runtime.reason;
if (!canRun) console.warn(`linux-dir-build: ${why}`);

const out = mkdtempSync(path.join(tmpdir(), 'ncats-linux-dir-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe.skipIf(!canRun)(canRun ? 'electron-builder --linux dir' : `electron-builder --linux dir (${why})`, () => {
  it('packages the app into an asar with the SQLCipher binding unpacked and the fuses set', async () => {
    if (!runtime.available) return;
    const unpacked = packageApp(out, runtime, 'linux');
    const executable = packagedExecutable(unpacked, 'linux');
    expect(existsSync(executable)).toBe(true);
    const resources = resourcesDir(unpacked, 'linux');
    expect(existsSync(path.join(resources, 'app.asar'))).toBe(true);
    expect(
      existsSync(
        path.join(
          resources,
          'app.asar.unpacked',
          'node_modules',
          'better-sqlite3-multiple-ciphers',
          'build',
          'Release',
          'better_sqlite3.node',
        ),
      ),
    ).toBe(true);
    // No updater configuration is written for an app without a publish provider.
    expect(existsSync(path.join(resources, 'app-update.yml'))).toBe(false);
    expect(await fusesOf(executable)).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // A shipped build will not start with Chromium's DevTools port open (main/app/debug-guard.ts).
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const refused = spawnSync(executable, [...rootArgs, '--remote-debugging-port=0'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('will not start');
  }, 900_000);
});

#!/usr/bin/env node
/**
 * `npm start`: run the desktop app from a checkout.
 *
 *   1. Make sure the Electron runtime binary is there (download it through the electron
 *      package's own installer, which honours ELECTRON_MIRROR, ELECTRON_CUSTOM_DIR and
 *      electron_config_cache - the way to use a trust's internal mirror or cache).
 *   2. Build main, preload and renderer with electron-vite into out/.
 *   3. Build the SQLCipher native module for Electron's ABI into .electron-native/<version>/,
 *      leaving the Node build in node_modules (used by the tests and the CLI) untouched.
 *   4. Start Electron on the project, pointing NCATS_NATIVE_BINDING at that build.
 *
 * Extra arguments go to the app: `npm start -- --vault /path/to/vault`.
 */
import { spawnSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const electronPackageDir = path.join(root, 'node_modules', 'electron');
const electronVersion = JSON.parse(readFileSync(path.join(electronPackageDir, 'package.json'), 'utf8')).version;
const SQLITE_PACKAGE = 'better-sqlite3-multiple-ciphers';
const DEFAULT_HEADERS_URL = 'https://electronjs.org/headers';

function step(message) {
  console.log(`\n[npm start] ${message}`);
}

/** Run a command to completion with inherited output; true when it exited 0. */
function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.error) console.error(result.error.message);
  return result.status === 0;
}

/** Where the executable sits inside an unpacked Electron, when path.txt does not say. */
const PLATFORM_EXECUTABLE = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/**
 * The Electron executable, found the way the electron package finds it (path.txt under dist/,
 * or under ELECTRON_OVERRIDE_DIST_PATH), or null when it is not installed. The package's own
 * index.js is not used: it starts a download when the binary is missing.
 */
function electronBinary() {
  const pathFile = path.join(electronPackageDir, 'path.txt');
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const relative = recorded ?? (override ? (PLATFORM_EXECUTABLE[process.platform] ?? 'electron') : null);
  if (!relative) return null;
  const binary = path.join(override || path.join(electronPackageDir, 'dist'), relative);
  return existsSync(binary) ? binary : null;
}

function explainBlockedDownload() {
  console.error(`
[npm start] The Electron ${electronVersion} runtime is not installed, and it could not be downloaded.

This machine cannot reach the Electron download site. Use one of these, then run npm start again:

  * An internal mirror of the Electron releases (note the trailing slash; the runtime is
    fetched from <mirror>v${electronVersion}/electron-v${electronVersion}-<platform>-<arch>.zip):
      ELECTRON_MIRROR=https://mirror.example/electron/ npm start
    If the mirror's folders are named differently, set ELECTRON_CUSTOM_DIR, e.g. "{{ version }}".

  * A copy of the Electron download cache from a machine that has run npm start
    (~/.cache/electron on Linux, ~/Library/Caches/electron on macOS,
    %LOCALAPPDATA%\\electron\\Cache on Windows):
      electron_config_cache=/path/to/that/cache npm start

  * An Electron ${electronVersion} already unpacked in a folder:
      ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron-folder npm start

A mirror or cache download is checked against node_modules/electron/checksums.json.
The tests (npm test) do not need Electron: they run the same app in a browser test host.`);
}

function ensureElectronBinary() {
  const existing = electronBinary();
  if (existing) return existing;
  step(`Electron ${electronVersion} runtime missing: installing it (node_modules/electron/install.js).`);
  const installed = run(process.execPath, [path.join(electronPackageDir, 'install.js')]);
  const binary = installed ? electronBinary() : null;
  if (!binary) {
    explainBlockedDownload();
    process.exit(1);
  }
  return binary;
}

function buildApp() {
  step('Building main, preload and renderer (electron-vite build).');
  const cli = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  if (!run(process.execPath, [cli, 'build'])) {
    console.error('[npm start] The build failed; see the errors above.');
    process.exit(1);
  }
}

/**
 * A copy of the SQLCipher package built for Electron, in .electron-native/<version>/. The copy
 * keeps node_modules/<package>/build (the Node build) intact. Mirrors devNativeBindingPath() in
 * main/app/launch-options.ts, which the app falls back to when NCATS_NATIVE_BINDING is unset.
 */
function ensureElectronNativeBinding() {
  const packageCopy = path.join(root, '.electron-native', electronVersion, SQLITE_PACKAGE);
  const binding = path.join(packageCopy, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(binding)) return binding;

  step(`Building ${SQLITE_PACKAGE} for Electron ${electronVersion} (once; a few minutes).`);
  rmSync(packageCopy, { recursive: true, force: true });
  mkdirSync(path.dirname(packageCopy), { recursive: true });
  const source = path.join(root, 'node_modules', SQLITE_PACKAGE);
  cpSync(source, packageCopy, {
    recursive: true,
    filter: (file) => !file.startsWith(path.join(source, 'build') + path.sep) && file !== path.join(source, 'build'),
  });

  // Electron's headers: already unpacked on disk (ELECTRON_HEADERS_DIR), from an internal
  // mirror (ELECTRON_HEADERS_MIRROR), or else from the public headers site.
  const distUrl = process.env.ELECTRON_HEADERS_MIRROR || DEFAULT_HEADERS_URL;
  const headersDir = process.env.ELECTRON_HEADERS_DIR;
  const args = [
    path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
    'rebuild',
    '--release',
    `--target=${electronVersion}`,
    '--runtime=electron',
    `--dist-url=${distUrl}`,
  ];
  if (headersDir) args.push(`--nodedir=${headersDir}`);
  // node-gyp also reads npm's settings from the environment, and npm on Debian sets
  // nodedir=/usr (Node's own headers): that would silently build for Node's ABI, not Electron's.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_config_(nodedir|disturl|dist_url|target|runtime)$/i.test(key)),
  );
  if (!run(process.execPath, args, { cwd: packageCopy, env }) || !existsSync(binding)) {
    rmSync(packageCopy, { recursive: true, force: true });
    console.error(`
[npm start] Could not build ${SQLITE_PACKAGE} for Electron ${electronVersion}.
It needs a C/C++ toolchain (build-essential and python3; Visual Studio Build Tools on Windows)
and Electron's headers from ${distUrl}.
Where that site is blocked, set ELECTRON_HEADERS_MIRROR to an internal mirror of it, or
ELECTRON_HEADERS_DIR to a folder holding the unpacked headers of Electron ${electronVersion}
(node-v${electronVersion}-headers.tar.gz from the mirror, unpacked).`);
    process.exit(1);
  }
  return binding;
}

function startElectron(binary, nativeBinding) {
  step('Starting NCATS Casework.');
  const child = spawn(binary, ['.', ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, NCATS_NATIVE_BINDING: nativeBinding },
  });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}

const binary = ensureElectronBinary();
buildApp();
const nativeBinding = ensureElectronNativeBinding();
startElectron(binary, nativeBinding);

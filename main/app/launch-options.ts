/**
 * What the shell reads from its command line and environment, as plain functions
 * (tests/main/app/launch-options.test.ts). No 'electron' import: index.ts passes the values in.
 */
import path from 'node:path';

export interface LaunchArgs {
  /** `--vault DIR`: serve this vault folder instead of the one in userData (e2e, IT, demos). */
  vaultDir: string | null;
  /**
   * `--profile DIR`: keep Chromium's profile (and the single-instance lock) here instead of in
   * userData, so several e2e runs, each on its own temporary vault, can run side by side.
   */
  profileDir: string | null;
  /**
   * `--idle-lock-ms N`: a short idle lock for the e2e idle-lock test. index.ts honours it only
   * in unpackaged builds; a packaged app takes its idle lock from settings and policy.
   */
  idleLockMs: number | null;
}

function valueOf(argv: readonly string[], name: string): string | null {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === name) {
      const next = argv[i + 1];
      return next && !next.startsWith('--') ? next : null;
    }
    if (arg?.startsWith(`${name}=`)) return arg.slice(name.length + 1) || null;
  }
  return null;
}

/** Parse the shell's own arguments out of `process.argv`; anything else is ignored. */
export function parseLaunchArgs(argv: readonly string[]): LaunchArgs {
  const vault = valueOf(argv, '--vault');
  const profile = valueOf(argv, '--profile');
  const idle = Number(valueOf(argv, '--idle-lock-ms'));
  return {
    vaultDir: vault ? path.resolve(vault) : null,
    profileDir: profile ? path.resolve(profile) : null,
    idleLockMs: Number.isSafeInteger(idle) && idle >= 1000 ? idle : null,
  };
}

/**
 * Where the shell looks for the machine policy. A packaged app ignores `NCATS_POLICY_FILE`: any
 * user can set an environment variable, and a policy of their own would lift IT's limits (export,
 * idle lock, password length). Tests and development builds keep the override.
 */
export function policyLocationFor(
  isPackaged: boolean,
  platform: NodeJS.Platform,
  env: Readonly<Record<string, string | undefined>>,
): { platform: NodeJS.Platform; env: Readonly<Record<string, string | undefined>> } {
  if (!isPackaged) return { platform, env };
  const { NCATS_POLICY_FILE: _ignored, ...rest } = env;
  return { platform, env: rest };
}

/** The default vault folder: `<userData>/vault`. */
export function defaultVaultDir(userDataDir: string): string {
  return path.join(userDataDir, 'vault');
}

const BINDING_PACKAGE = 'better-sqlite3-multiple-ciphers';
const BINDING_FILE = path.join('build', 'Release', 'better_sqlite3.node');

/**
 * Where `npm start` (build/scripts/start-electron.mjs) builds the Electron-ABI SQLite binding:
 * `.electron-native/<electron version>/better-sqlite3-multiple-ciphers/build/Release/`.
 * Kept apart from node_modules so the Node build that the tests and the CLI use is untouched.
 */
export function devNativeBindingPath(projectRoot: string, electronVersion: string): string {
  return path.join(projectRoot, '.electron-native', electronVersion, BINDING_PACKAGE, BINDING_FILE);
}

/** Where electron-builder leaves the binding it rebuilt for Electron (`npmRebuild`, unpacked from asar). */
export function packagedNativeBindingPath(resourcesPath: string): string {
  return path.join(resourcesPath, 'app.asar.unpacked', 'node_modules', BINDING_PACKAGE, BINDING_FILE);
}

export interface NativeBindingInput {
  isPackaged: boolean;
  env: Readonly<Record<string, string | undefined>>;
  resourcesPath: string;
  appPath: string;
  electronVersion: string;
  exists: (file: string) => boolean;
}

/**
 * Which SQLite native binding the vault loads.
 *
 * Packaged: always the one shipped inside the app. `NCATS_NATIVE_BINDING` is deliberately
 * ignored there: honouring it would let an environment variable load arbitrary native code
 * into the signed app, which is what the disabled Node-options fuses are there to prevent.
 * Development: `NCATS_NATIVE_BINDING` if set (the start script sets it), else the
 * `.electron-native` build if present, else undefined (better-sqlite3's default lookup).
 */
export function resolveNativeBinding(input: NativeBindingInput): string | undefined {
  if (input.isPackaged) return packagedNativeBindingPath(input.resourcesPath);
  const fromEnv = input.env.NCATS_NATIVE_BINDING;
  if (fromEnv) return path.resolve(fromEnv);
  const devBuild = devNativeBindingPath(input.appPath, input.electronVersion);
  return input.exists(devBuild) ? devBuild : undefined;
}

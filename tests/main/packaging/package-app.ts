/**
 * Package the app for real (electron-vite build, then electron-builder `--<platform> dir` into a
 * temporary folder) and read back what was packaged. Used only by the tests that need the
 * Electron runtime, which skip with findElectronRuntime's reason where it cannot be had.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import type { ElectronRuntime } from './electron-runtime';

export const projectRoot = path.resolve(__dirname, '../../..');

const PLATFORM_FLAG: Partial<Record<NodeJS.Platform, string>> = { linux: '--linux', darwin: '--mac', win32: '--win' };

/** Build and package for `platform`; returns electron-builder's unpacked folder. */
export function packageApp(
  outDir: string,
  runtime: Extract<ElectronRuntime, { available: true }>,
  platform = process.platform,
  /** The smoke test's build only: lets the app start with Chromium's DevTools port (main/app/debug-guard.ts). */
  { allowRemoteDebugging = false }: { allowRemoteDebugging?: boolean } = {},
): string {
  const flag = PLATFORM_FLAG[platform];
  if (!flag) throw new Error(`electron-builder has no target for ${platform}`);
  const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  const run = (args: string[]): void => {
    execFileSync(npx, args, { cwd: projectRoot, stdio: 'inherit', env: process.env });
  };
  run(['electron-vite', 'build']);
  run([
    'electron-builder',
    flag,
    'dir',
    '--config',
    'electron-builder.yml',
    `-c.directories.output=${outDir}`,
    ...(allowRemoteDebugging ? ['-c.extraMetadata.ncatsAllowRemoteDebugging=true'] : []),
    ...runtime.builderArgs,
  ]);
  const unpacked = {
    linux: 'linux-unpacked',
    darwin: process.arch === 'arm64' ? 'mac-arm64' : 'mac',
    win32: 'win-unpacked',
  };
  return path.join(outDir, unpacked[platform as keyof typeof unpacked]);
}

/** The packaged executable inside electron-builder's unpacked folder. */
export function packagedExecutable(unpackedDir: string, platform = process.platform): string {
  if (platform === 'darwin') return path.join(unpackedDir, 'NCATS Casework.app', 'Contents', 'MacOS', 'NCATS Casework');
  if (platform === 'win32') return path.join(unpackedDir, 'NCATS Casework.exe');
  return path.join(unpackedDir, 'ncats-casework');
}

/** Where the app's resources (app.asar and app.asar.unpacked) are. */
export function resourcesDir(unpackedDir: string, platform = process.platform): string {
  if (platform === 'darwin') return path.join(unpackedDir, 'NCATS Casework.app', 'Contents', 'Resources');
  return path.join(unpackedDir, 'resources');
}

/** A fuse's byte in the wire: ASCII '0' off, '1' on (@electron/fuses does not export its enum). */
const FUSE_OFF = 48;
const FUSE_ON = 49;

/** The fuse wire read back from the binary, as the names electron-builder.yml uses. */
export async function fusesOf(executable: string): Promise<Record<string, boolean | string>> {
  const wire = await getCurrentFuseWire(executable);
  const state = (fuse: FuseV1Options): boolean | string => {
    const value = wire[fuse] as number | undefined;
    if (value === FUSE_ON) return true;
    if (value === FUSE_OFF) return false;
    return `state ${String(value)}`;
  };
  return {
    runAsNode: state(FuseV1Options.RunAsNode),
    enableCookieEncryption: state(FuseV1Options.EnableCookieEncryption),
    enableNodeOptionsEnvironmentVariable: state(FuseV1Options.EnableNodeOptionsEnvironmentVariable),
    enableNodeCliInspectArguments: state(FuseV1Options.EnableNodeCliInspectArguments),
    enableEmbeddedAsarIntegrityValidation: state(FuseV1Options.EnableEmbeddedAsarIntegrityValidation),
    onlyLoadAppFromAsar: state(FuseV1Options.OnlyLoadAppFromAsar),
    grantFileProtocolExtraPrivileges: state(FuseV1Options.GrantFileProtocolExtraPrivileges),
  };
}

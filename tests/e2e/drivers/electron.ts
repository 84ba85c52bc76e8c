/**
 * The Electron driver for the e2e suite: the real app (out/main, out/preload, out/renderer)
 * launched through Playwright's `_electron`, on a fresh vault and a throwaway profile.
 *
 * It runs only where an Electron binary exists. The electron npm package downloads its binary
 * at install time, which cannot happen on machines without internet access (this project's CI
 * included); there, `electronAvailable()` says so and the fixture reports the Electron runs as
 * skipped with that reason. Nothing here pretends to pass.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, type ElectronApplication } from '@playwright/test';
import { devNativeBindingPath } from '../../../main/app/launch-options';
import type { DriverSession } from './browser-host';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const electronPackageDir = path.join(root, 'node_modules', 'electron');

export const ELECTRON_NOT_INSTALLED =
  'skipped: Electron binary not installed (it cannot be downloaded on this machine; see README, "Installing where the Electron download is blocked")';

function electronVersion(): string {
  return (JSON.parse(readFileSync(path.join(electronPackageDir, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** Where the executable sits inside an unpacked Electron, when path.txt does not say. */
const PLATFORM_EXECUTABLE: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'Electron.app/Contents/MacOS/Electron',
  win32: 'electron.exe',
};

/**
 * The Electron executable, located the way the electron package does it but without requiring
 * the package: `require('electron')` starts a download when the binary is missing.
 */
export function electronExecutablePath(): string | null {
  const pathFile = path.join(electronPackageDir, 'path.txt');
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const relative = recorded ?? (override ? (PLATFORM_EXECUTABLE[process.platform] ?? 'electron') : null);
  if (!relative) return null;
  const binary = path.join(override || path.join(electronPackageDir, 'dist'), relative);
  return existsSync(binary) ? binary : null;
}

/** The Electron-ABI SQLCipher binding that `npm start` builds, or the one named in the environment. */
function nativeBinding(): string {
  return process.env.NCATS_NATIVE_BINDING || devNativeBindingPath(root, electronVersion());
}

/** Whether the Electron runs can happen here, and if not, why (used as the skip reason). */
export function electronAvailable(): { available: boolean; reason: string } {
  if (!electronExecutablePath()) return { available: false, reason: ELECTRON_NOT_INSTALLED };
  const built = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];
  const missing = built.filter((file) => !existsSync(path.join(root, file)));
  if (missing.length > 0) {
    return { available: false, reason: `skipped: the app is not built (${missing.join(', ')}); run npm run build` };
  }
  if (!existsSync(nativeBinding())) {
    return {
      available: false,
      reason: `skipped: no Electron build of the SQLCipher module at ${nativeBinding()}; run npm start once to build it`,
    };
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    return { available: false, reason: 'skipped: no display for Electron; run the e2e suite under xvfb-run' };
  }
  return { available: true, reason: 'Electron binary, build and native module present' };
}

export class ElectronUnavailableError extends Error {}

export interface ElectronSession extends DriverSession {
  electronApp: ElectronApplication;
}

/**
 * Launch the app on `vaultDir` and return its window. Throws ElectronUnavailableError (its
 * message is the skip reason) when Electron cannot run here; check `electronAvailable()` first.
 */
export async function launchElectron(
  vaultDir: string,
  idleLockMs?: number,
  policyFile?: string,
): Promise<ElectronSession> {
  const availability = electronAvailable();
  const executablePath = electronExecutablePath();
  if (!availability.available || !executablePath) throw new ElectronUnavailableError(availability.reason);

  // Each launch gets its own profile, so parallel runs do not trip the single-instance lock.
  const profileDir = mkdtempSync(path.join(tmpdir(), 'ncats-e2e-profile-'));
  const args = ['.', '--vault', vaultDir, '--profile', profileDir];
  if (idleLockMs) args.push('--idle-lock-ms', String(idleLockMs));
  // Chromium refuses to run as root with its OS sandbox on; CI runs as root in a container.
  // The renderer is still sandboxed by Electron (sandbox: true, contextIsolation) either way.
  if (process.getuid?.() === 0) args.push('--no-sandbox');

  const electronApp = await _electron.launch({
    executablePath,
    args,
    cwd: root,
    env: {
      ...process.env,
      NCATS_NATIVE_BINDING: nativeBinding(),
      ...(policyFile ? { NCATS_POLICY_FILE: policyFile } : {}),
    } as Record<string, string>,
    timeout: 60_000,
  });
  const page = await electronApp.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return {
    page,
    host: null,
    electronApp,
    close: async () => {
      await electronApp.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

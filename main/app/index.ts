/**
 * Entry point of the Electron main process: a thin shell around the core.
 *
 * It opens one hardened window on `app://ncats/`, forwards IPC to the core's router, and locks
 * the vault on OS lock and suspend. Everything else lives in main/core and runs without
 * Electron. No updater, no telemetry, no crash-report upload, no remote content.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, clipboard, dialog, session } from 'electron';
import { cliArgsFrom } from './cli-args';
import { runAppCli } from './cli-mode';
import { createCore } from '../core/core';
import { loadMachinePolicy } from '../core/policy/policy-file';
import { installAppMenu } from './app-menu';
import { guardAllWebContents, hardenSession } from './harden-session';
import { registerIpcHandlers, sendEventToWindow } from './ipc';
import { defaultVaultDir, parseLaunchArgs, policyLocationFor, resolveNativeBinding } from './launch-options';
import { installLockTriggers } from './lock-triggers';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { APP_ENTRY_URL } from './session-policy';
import { createStreamServer } from './stream-routes';
import { createWindowOptions } from './window-options';
import { debugRefusalMessage, refusedDebugSwitches } from './debug-guard';
import { loadShellSettings, rememberWindowSize } from './shell-settings';

/** The build's own package.json (inside the integrity-checked asar when packaged) allows the smoke test's port. */
function buildAllowsRemoteDebugging(): boolean {
  try {
    const pkg = JSON.parse(readFileSync(path.join(app.getAppPath(), 'package.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    return pkg.ncatsAllowRemoteDebugging === true;
  } catch {
    return false;
  }
}

// Before anything else: a packaged app started with a debugging switch exits (debug-guard.ts).
const refused = refusedDebugSwitches({
  argv: process.argv,
  isPackaged: app.isPackaged,
  allowedByBuild: app.isPackaged && buildAllowsRemoteDebugging(),
});
if (refused.length > 0) {
  console.error(debugRefusalMessage(refused));
  dialog.showErrorBox('NCATS Casework will not start', debugRefusalMessage(refused));
  app.exit(1);
}

const launch = parseLaunchArgs(process.argv);
// `<app> --cli <command>`: the admin CLI, with no window (cli-args.ts, cli-mode.ts).
const cliArgs = cliArgsFrom(process.argv);

// Everything here must happen before 'ready'.
if (!cliArgs) {
  app.enableSandbox();
  registerAppScheme();
  if (launch.profileDir) app.setPath('userData', launch.profileDir);
}

let mainWindow: BrowserWindow | null = null;

function createMainWindow(size: { width: number; height: number } | undefined): BrowserWindow {
  const appPath = app.getAppPath();
  const window = new BrowserWindow({
    ...createWindowOptions({
      preloadPath: path.join(appPath, 'out', 'preload', 'index.cjs'),
      isPackaged: app.isPackaged,
    }),
    ...(size ?? {}),
  });
  window.once('ready-to-show', () => window.show());
  // The size (never the position: a laptop moves between screens) is kept for next time.
  window.on('close', () => {
    if (window.isMaximized() || window.isMinimized() || window.isFullScreen()) return;
    const kept = rememberWindowSize(app.getPath('userData'), window.getContentBounds());
    if (!kept.saved) console.error('The window size could not be kept:', kept.error);
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_ENTRY_URL);
  return window;
}

/** The one way a path to write plaintext is chosen: by the user, in a native dialog. */
async function chooseSavePath(suggestedName: string): Promise<string | null> {
  const options = { defaultPath: path.join(app.getPath('downloads'), path.basename(suggestedName)) };
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

async function start(): Promise<void> {
  await app.whenReady();
  const allowDevTools = !app.isPackaged;

  hardenSession(session.defaultSession, { allowDevTools });
  guardAllWebContents();
  installAppMenu({ isMac: process.platform === 'darwin', allowDevTools });

  // A packaged app reads only the machine-wide file: NCATS_POLICY_FILE is for tests and development.
  const policy = loadMachinePolicy(policyLocationFor(app.isPackaged, process.platform, process.env));
  const settings = loadShellSettings(app.getPath('userData'), policy.policy);
  for (const note of settings.notes) console.warn(note);
  const vaultDir = launch.vaultDir ?? defaultVaultDir(app.getPath('userData'));
  const nativeBinding = resolveNativeBinding({
    isPackaged: app.isPackaged,
    env: process.env,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    electronVersion: process.versions.electron,
    exists: existsSync,
  });
  const core = createCore(vaultDir, {
    vault: nativeBinding ? { nativeBinding } : {},
    ...(launch.idleLockMs && !app.isPackaged ? { idleLockMs: launch.idleLockMs } : {}),
    onEvent: (name, payload) => sendEventToWindow(mainWindow, name, payload),
    // Text copied from the app is cleared after 30 s and on lock (main/core/clipboard).
    shell: { chooseSavePath, clipboard: { readText: () => clipboard.readText(), clear: () => clipboard.clear() } },
    // IT's machine-wide policy, read once at start and never written (main/core/policy).
    policy,
    // Scheduled backups while the vault is unlocked: the policy's folder, or this one.
    backups: { defaultFolder: path.join(app.getPath('userData'), 'backups') },
  });
  serveAppProtocol({
    rendererRoot: path.join(app.getAppPath(), 'out', 'renderer'),
    serveStream: createStreamServer(core),
  });

  registerIpcHandlers(core.router, () => mainWindow);
  installLockTriggers(core.manager);
  mainWindow = createMainWindow(settings.settings.window);

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // One window, and closing it ends the session on every platform (the vault locks on quit).
  app.on('window-all-closed', () => app.quit());
}

// One instance per profile: two processes on one vault would fight over the key and the audit chain.
if (cliArgs) {
  void runAppCli(cliArgs);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  start().catch((err: unknown) => {
    console.error('NCATS Casework failed to start:', err);
    app.exit(1);
  });
}

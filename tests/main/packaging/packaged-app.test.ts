/**
 * Smoke test of the packaged app on this platform: package it, read its fuses back, run the
 * admin CLI through it, and open it on a fresh vault to see the window title and the first-run
 * screen. Runs only where the Electron runtime (and, on Linux, a display) exists; elsewhere it
 * is skipped and its name says why.
 *
 * Not Playwright's `_electron.launch`: that starts the app with `--inspect=0` and waits for
 * Node's "Debugger listening" line, which the EnableNodeCliInspectArguments fuse (off) prevents,
 * so it cannot drive a correctly fused app. The window is reached over Chromium's DevTools
 * protocol instead (`--remote-debugging-port=0`, a Chromium switch, not a Node one).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, describe, expect, it } from 'vitest';
import { findElectronRuntime } from './electron-runtime';
import { fusesOf, packageApp, packagedExecutable, projectRoot } from './package-app';

const runtime = findElectronRuntime({ projectRoot, env: process.env, platform: process.platform, arch: process.arch });
const noDisplay = process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const why = !runtime.available
  ? runtime.reason
  : noDisplay
    ? 'skipped: no display for Electron; run under xvfb-run'
    : '';
if (why) console.warn(`packaged-app: ${why}`);

const work = mkdtempSync(path.join(tmpdir(), 'ncats-packaged-'));
let executable = '';
let app: ChildProcess | null = null;
let browser: Browser | null = null;
afterAll(async () => {
  await browser?.close();
  app?.kill();
  rmSync(work, { recursive: true, force: true });
});

/** Root cannot use Chromium's sandbox on Linux (CI containers run as root). */
const rootArgs = process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];

function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no DevTools endpoint; the app said:\n${seen}`)), 60_000);
    child.stderr?.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) =>
      reject(new Error(`the app exited (${String(code)}) before its window opened:\n${seen}`)),
    );
  });
}

describe.skipIf(Boolean(why))(why ? `the packaged app (${why})` : 'the packaged app', () => {
  it('is packaged with every fuse as electron-builder.yml sets it', async () => {
    if (!runtime.available) return;
    // The one build that may open the DevTools port: a shipped build refuses it (linux-dir-build.test.ts).
    executable = packagedExecutable(
      packageApp(path.join(work, 'dist'), runtime, process.platform, { allowRemoteDebugging: true }),
    );
    expect(await fusesOf(executable)).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  }, 900_000);

  it('runs the admin CLI with --cli: help exits 0, an unknown command 2, and no window', () => {
    const help = spawnSync(executable, [...rootArgs, '--cli', '--help'], { encoding: 'utf8', timeout: 60_000 });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage: ncats <command>');
    const unknown = spawnSync(executable, [...rootArgs, '--cli', 'frobnicate'], { encoding: 'utf8', timeout: 60_000 });
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "frobnicate"');
  });

  it('ignores ELECTRON_RUN_AS_NODE (the fuse is off): the app does not run a script as Node', () => {
    const result = spawnSync(executable, [...rootArgs, '--cli', '--help'], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    });
    // Were the fuse on, Electron would be plain Node and try to run a file called "--cli".
    expect(result.stdout).toContain('Usage: ncats <command>');
  });

  it('opens one window titled NCATS Casework on the first-run screen', async () => {
    app = spawn(executable, [
      ...rootArgs,
      '--remote-debugging-port=0',
      '--vault',
      path.join(work, 'vault'),
      '--profile',
      path.join(work, 'profile'),
    ]);
    browser = await chromium.connectOverCDP(await devToolsEndpoint(app));
    const page = browser.contexts()[0]?.pages()[0] ?? (await browser.contexts()[0]?.waitForEvent('page'));
    if (!page) throw new Error('the packaged app opened no window');
    await page.getByRole('heading', { level: 1, name: 'Set up NCATS Casework' }).waitFor({ timeout: 60_000 });
    expect(await page.title()).toBe('NCATS Casework');
    expect(browser.contexts().flatMap((c) => c.pages())).toHaveLength(1);
  }, 120_000);
});

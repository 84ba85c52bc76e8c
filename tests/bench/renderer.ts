/**
 * Renderer figures: the gzipped size of the initial JavaScript of the web build, and in the
 * browser host (Debian Chromium via playwright-core) the time from submitting the sign-in form
 * to the first screen after sign-in (Home, with the user's caseload section) being painted,
 * minus the KDF of that same sign-in. The metric keeps its name, `unlock_to_caseload`: Home's
 * first section is the signed-in user's caseload, read by the same kind of query.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startBrowserHost } from '../host/server';
import { BENCH_PASSWORD, BENCH_USER, REPO_ROOT } from './demo-vault';
import { timeScrypt } from './kdf-timer';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/**
 * Home's caseload section, drawn once the summary has come back (until then Home shows only
 * "Loading your Home…"); the shell's signed-in name if it never appears. Found by its test id,
 * not a class: CSS modules rename classes, and a class selector once fell back to the shell
 * without anyone noticing.
 */
const CASELOAD_ROW = '[data-testid="home-caseload"]';
const SHELL = '[data-testid="signed-in-user"]';

/**
 * Build the renderer into `outDir` (not out/renderer, which other test runs may be serving).
 * `npm run build:web` is `vite build -c renderer/vite.config.ts`; only the output folder differs.
 */
export function buildRenderer(outDir: string): void {
  execFileSync(
    join(REPO_ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '-c', 'renderer/vite.config.ts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

/**
 * The JavaScript the browser must fetch before the first render: the entry script and every
 * module it preloads (lazy chunks are not counted). Gzip level 9, as a server would send it.
 */
export function initialJsGzipKB(outDir: string): { kb: number; files: string[]; rawKB: number } {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => (m[1] ?? '').replace(/^\.\//, ''));
  let gz = 0;
  let raw = 0;
  for (const ref of refs) {
    const bytes = readFileSync(join(outDir, ref));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { kb: gz / 1024, files: refs, rawKB: raw / 1024 };
}

/** One sign-in: submit -> painted, and the scrypt time(s) the core spent inside it. */
export interface UnlockSample {
  totalMs: number;
  kdfMs: number;
  /** scrypt runs seen during this sign-in; 1 unless something else derived a key meanwhile. */
  kdfRuns: number;
}

/**
 * Sign in `runs` times in a fresh page; each time, the milliseconds from the form's submit
 * event to two animation frames after the first caseload row exists (the frame that shows it
 * has been painted), and the KDF time of that same unlock (timed around node:crypto's scrypt
 * in this process, where the browser host's core runs).
 */
export async function unlockToCaseload(
  vaultDir: string,
  rendererDir: string,
  runs: number,
): Promise<{ samples: UnlockSample[]; painted: 'caseload' | 'shell' }> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}`);
  const host = await startBrowserHost({ vaultDir, rendererDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  const samples: UnlockSample[] = [];
  let painted: 'caseload' | 'shell' = 'caseload';
  const kdfTimer = timeScrypt();
  try {
    for (let i = 0; i < runs; i++) {
      host.core.manager.lock('explicit');
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-GB' });
      const page = await context.newPage();
      await page.goto(host.url);
      await page.getByLabel('User name').fill(BENCH_USER);
      await page.getByLabel('Password').fill(BENCH_PASSWORD);
      const target = painted === 'caseload' ? CASELOAD_ROW : SHELL;
      // Passed as text: tsx compiles functions with a `__name` helper the page does not have.
      await page.evaluate(`(() => {
        const selector = ${JSON.stringify(target)};
        document.addEventListener('submit', () => (window.benchSubmitAt = performance.now()), { capture: true, once: true });
        const check = () => {
          if (!document.querySelector(selector)) return false;
          requestAnimationFrame(() => requestAnimationFrame(() => (window.benchPaintedAt = performance.now())));
          return true;
        };
        const observer = new MutationObserver(() => { if (check()) observer.disconnect(); });
        observer.observe(document.body, { childList: true, subtree: true });
      })()`);
      kdfTimer.take(); // forget anything before this sign-in
      await page.getByRole('button', { name: 'Sign in' }).click();
      try {
        // Polled from here: waitForFunction would need eval, which the app's CSP forbids.
        await page.waitForSelector(target, { timeout: 30_000 });
        while ((await page.evaluate('window.benchPaintedAt === undefined')) as boolean) await sleep(10);
      } catch (err) {
        if (painted === 'caseload' && (await page.locator(SHELL).count()) > 0) {
          // The shell is up but no caseload row appeared: measure to the shell from now on.
          painted = 'shell';
          await context.close();
          i -= 1;
          continue;
        }
        throw err;
      }
      const ms = (await page.evaluate('window.benchPaintedAt - window.benchSubmitAt')) as number;
      const kdf = kdfTimer.take();
      samples.push({ totalMs: ms, kdfMs: kdf.reduce((a, b) => a + b, 0), kdfRuns: kdf.length });
      await context.close();
    }
  } finally {
    kdfTimer.restore();
    await browser.close();
    await host.close();
  }
  return { samples, painted };
}

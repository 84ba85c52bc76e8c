/**
 * Hooks that send a test run's output to the run logs (run-logs.ts) and note the secrets the
 * specs use, wired in by the fixtures (tests/e2e/fixtures.ts).
 */
import type { ElectronApplication, Page } from '@playwright/test';
import { appendLog, recordSecretsIn } from './run-logs';

let teeing = false;

/**
 * Copy everything this worker process writes to stdout and stderr into its worker log. The
 * browser host server and the core run inside the worker, so this is their output too.
 */
export function teeWorkerOutput(): void {
  if (teeing) return;
  teeing = true;
  appendLog('worker', `worker ${process.pid} started`);
  for (const stream of [process.stdout, process.stderr]) {
    const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
    stream.write = ((chunk: unknown, ...rest: unknown[]) => {
      appendLog('worker', typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
      return write(chunk, ...rest);
    }) as typeof stream.write;
  }
}

/** Every console message and uncaught error of the page, into the browser log. */
export function captureConsole(page: Page): void {
  appendLog('browser', `--- a page opened in worker ${process.pid}`);
  page.on('console', (message) => appendLog('browser', `[${message.type()}] ${message.text()}`));
  page.on('pageerror', (error) => appendLog('browser', `[pageerror] ${error.stack ?? error.message}`));
}

/**
 * Under the browser host every IPC call is an HTTP request: note the passwords, recovery keys
 * and young people's names in each request and response, whichever spec or helper made it.
 */
export function collectSecretsFromIpc(page: Page): void {
  page.on('request', (request) => {
    if (!new URL(request.url()).pathname.startsWith('/ipc/')) return;
    try {
      recordSecretsIn(JSON.parse(request.postData() ?? 'null'));
    } catch {
      // Not JSON: the host refuses it, and there is nothing to note.
    }
  });
  page.on('response', (response) => {
    if (!new URL(response.url()).pathname.startsWith('/ipc/')) return;
    response.json().then(recordSecretsIn, () => undefined);
  });
}

/** The Electron main process's own stdout and stderr, into the electron log. */
export function captureElectronOutput(electronApp: ElectronApplication): void {
  const child = electronApp.process();
  child.stdout?.on('data', (chunk: Buffer) => appendLog('electron', chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => appendLog('electron', chunk.toString('utf8')));
}

/**
 * Where an e2e run's logs go, and the secrets it used, so the check after the run
 * (global-teardown.ts) can look for one in the other.
 *
 * Each Playwright worker writes its own files (named by process id, so one or two workers never
 * share a file): `worker-<pid>.log` is everything the worker printed (the browser host and the
 * core run inside it), `browser-<pid>.log` the console messages and page errors of every page,
 * `electron-<pid>.log` the Electron main process's output. `secrets-<pid>.jsonl` lists the
 * passwords, recovery keys and names the specs used. All of it is test data from throwaway vaults,
 * under tests/e2e/artifacts/ (ignored by git), cleared when a run starts.
 */
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LogText, Secret, SecretKind } from './check-logs';

export const LOG_DIR = fileURLToPath(new URL('../artifacts/logs', import.meta.url));

export type LogName = 'worker' | 'browser' | 'electron';

function ensureDir(): void {
  mkdirSync(LOG_DIR, { recursive: true });
}

/** Append text to this process's log of that name. */
export function appendLog(name: LogName, text: string): void {
  ensureDir();
  appendFileSync(join(LOG_DIR, `${name}-${process.pid}.log`), text.endsWith('\n') ? text : `${text}\n`);
}

const recorded = new Set<string>();

/** Note a secret the run used, once per process. */
export function recordSecret(kind: SecretKind, value: string | undefined | null): void {
  if (!value || !value.trim()) return;
  const line = JSON.stringify({ kind, value } satisfies Secret);
  if (recorded.has(line)) return;
  recorded.add(line);
  ensureDir();
  appendFileSync(join(LOG_DIR, `secrets-${process.pid}.jsonl`), `${line}\n`);
}

/** Keys of a JSON body whose string values are secrets. */
const SECRET_KEYS: Record<string, SecretKind> = {
  password: 'password',
  newPassword: 'password',
  currentPassword: 'password',
  temporaryPassword: 'password',
  passphrase: 'passphrase',
  recoveryKey: 'recovery key',
};

/**
 * Record the secrets in an IPC request or response body: password, passphrase and recovery key
 * fields anywhere in it, and the name of any `youngPerson`.
 */
export function recordSecretsIn(body: unknown, depth = 0): void {
  if (depth > 8 || body === null || typeof body !== 'object') return;
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    const kind = SECRET_KEYS[key];
    if (kind && typeof value === 'string') recordSecret(kind, value);
    if (key === 'youngPerson' && value && typeof value === 'object') {
      const { givenName, familyName } = value as { givenName?: unknown; familyName?: unknown };
      if (typeof givenName === 'string' && typeof familyName === 'string') {
        recordSecret("young person's name", `${givenName} ${familyName}`);
      }
    }
    recordSecretsIn(value, depth + 1);
  }
}

/** Clear the folder (at the start of a run). */
export function clearRunLogs(): void {
  rmSync(LOG_DIR, { recursive: true, force: true });
  ensureDir();
}

export function readRunLogs(): { logs: LogText[]; secrets: Secret[] } {
  ensureDir();
  const files = readdirSync(LOG_DIR).sort();
  const logs = files
    .filter((f) => f.endsWith('.log'))
    .map((file) => ({ file, text: readFileSync(join(LOG_DIR, file), 'utf8') }));
  const secrets = files
    .filter((f) => f.startsWith('secrets-') && f.endsWith('.jsonl'))
    .flatMap((f) => readFileSync(join(LOG_DIR, f), 'utf8').split('\n').filter(Boolean))
    .map((line) => JSON.parse(line) as Secret);
  return { logs, secrets };
}

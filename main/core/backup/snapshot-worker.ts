/**
 * The backup's database copy (`VACUUM INTO`) in a worker thread, on its own SQLCipher
 * connection, so the main process keeps answering the window while it runs (a 191 MB vault took
 * about 9 s to copy: BENCHMARKS.md).
 *
 * The worker's source is a string run with `eval: true`, not a file of its own: the same code
 * then runs under vitest (TypeScript sources), the browser host (tsx) and the bundled Electron
 * main process, none of which could agree on a worker file's path or build step. It loads the
 * same SQLite module (resolved here, passed in) and the same native binding as the vault.
 *
 * The database key goes over in an ArrayBuffer that is *transferred* (so the main thread's copy
 * is detached, not left behind) and the worker wipes it, and the raw-key literal built from it,
 * once the connection is keyed. Nothing in the worker logs; an error goes back as its SQLite
 * code and message only (SQLite's messages never hold the key).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { fsError } from '../errors';
import type { OpenVault } from '../vault/vault';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.modulePath);
const key = Buffer.from(workerData.key);
let literal = null;
let db = null;
try {
  const options = { readonly: true, fileMustExist: true };
  if (workerData.nativeBinding) options.nativeBinding = workerData.nativeBinding;
  db = new Database(workerData.database, options);
  literal = Buffer.from("x'" + key.toString('hex') + "'", 'latin1');
  db.pragma("cipher='sqlcipher'");
  db.pragma('legacy=4');
  db.key(literal);
  literal.fill(0);
  key.fill(0);
  // As the vault's own connection: sort spills stay in memory (SQLite's temp files are plaintext).
  db.pragma('temp_store = MEMORY');
  db.pragma('busy_timeout = 5000');
  db.prepare('VACUUM INTO ?').run(workerData.snapshot);
  parentPort.postMessage({ ok: true });
} catch (err) {
  parentPort.postMessage({ ok: false, code: err && err.code, message: String(err && err.message) });
} finally {
  if (literal) literal.fill(0);
  key.fill(0);
  if (db) db.close();
}
`;

const SQLITE_MODULE = createRequire(import.meta.url).resolve('better-sqlite3-multiple-ciphers');

/** The worker's answer: done, or the error it met (code and message only). */
type WorkerReply = { ok: true } | { ok: false; code?: string; message: string };

/** An error from the worker, with SQLite's code kept so `fsError` can put it in words. */
class SnapshotError extends Error {
  constructor(
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Copy the vault's database into `snapshot` under its own key, from one consistent read, in a
 * worker thread. Resolves once the copy is complete; a full disk or unwritable folder is the
 * same AppError as on the main thread.
 */
export async function snapshotInWorker(vault: OpenVault, snapshot: string): Promise<void> {
  const { key, nativeBinding } = vault.databaseKeyForWorker();
  const transferable = new ArrayBuffer(key.length);
  new Uint8Array(transferable).set(key);
  key.fill(0);
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      modulePath: SQLITE_MODULE,
      nativeBinding,
      database: vault.db.name,
      snapshot,
      key: transferable,
    },
    transferList: [transferable],
  });
  const reply = await new Promise<WorkerReply>((resolve, reject) => {
    let answered = false;
    worker.once('message', (message: WorkerReply) => {
      answered = true;
      resolve(message);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`The backup copy stopped before it finished (exit code ${code}).`));
    });
  });
  await worker.terminate();
  if (!reply.ok) fsError(new SnapshotError(reply.code, reply.message), 'the backup');
}

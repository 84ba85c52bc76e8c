/**
 * What every draft-keeping form shares: one queue, so that the saves, restores and discards of
 * drafts reach the core in the order they were made (a form closed and opened again must not
 * read its draft before its last save lands), and the flush a user-initiated lock runs first.
 */

let queue: Promise<unknown> = Promise.resolve();

/** Run a draft call after every draft call made before it has settled. */
export function enqueueDraftCall<T>(call: () => Promise<T>): Promise<T> {
  const run = queue.then(call, call);
  // The queue keeps only "settled", never the answer: a draft read back holds case data, and
  // nothing of it may outlive the form once the vault locks.
  queue = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

const flushers = new Set<() => Promise<void>>();

/** A mounted form registers how to save its unsaved changes now; returns the unregister. */
export function registerDraftFlush(flush: () => Promise<void>): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

/** How long a lock waits for drafts to be kept: locking must never hang on a slow save. */
export const FLUSH_TIMEOUT_MS = 3000;

/**
 * Save every open form's unsaved changes as drafts, now. Called before a lock the user asks
 * for (the Lock button, Ctrl+L). A failed save does not stop the lock.
 */
export async function flushDrafts(timeoutMs = FLUSH_TIMEOUT_MS): Promise<void> {
  if (flushers.size === 0) return;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([Promise.allSettled([...flushers].map((f) => f())), timeout]);
  clearTimeout(timer);
}

/**
 * Clearing the clipboard of text copied from the app: 30 seconds after the copy, and at once
 * when the vault locks, but only if the clipboard still holds what the app put there (text the
 * user copied from another program since is left alone). Pure, with the clipboard and the
 * timer passed in, so the Electron main process (Electron's `clipboard` module) and the
 * renderer in the browser host (`navigator.clipboard`) share one tested rule.
 */

/** How long text copied from the app may stay on the clipboard. */
export const CLIPBOARD_HOLD_MS = 30_000;

export interface ClipboardAccess {
  /** The clipboard's text now, or null when it cannot be read (then nothing is cleared). */
  read(): Promise<string | null> | string | null;
  /** Empty the clipboard. */
  clear(): Promise<void> | void;
}

export interface ClipboardTimers {
  set(run: () => void, ms: number): unknown;
  cancel(handle: unknown): void;
}

export interface ClipboardGuard {
  /** The app just put `text` on the clipboard: clear it after the hold unless it changes. */
  copied(text: string): void;
  /**
   * Clear now (on lock) if the clipboard still holds the app's text; forget that text either
   * way. Resolves to whether the clipboard was cleared. Never rejects.
   */
  flush(): Promise<boolean>;
  /** Stop the timer and forget the text, clearing nothing (the process is ending). */
  dispose(): void;
}

const REAL_TIMERS: ClipboardTimers = {
  set: (run, ms) => {
    const handle = setTimeout(run, ms);
    // A pending clear must not keep a Node process alive (the main process, the host, a test).
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  cancel: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export function createClipboardGuard(
  access: ClipboardAccess,
  options: { holdMs?: number; timers?: ClipboardTimers } = {},
): ClipboardGuard {
  const holdMs = options.holdMs ?? CLIPBOARD_HOLD_MS;
  const timers = options.timers ?? REAL_TIMERS;
  let pending: string | null = null;
  let timer: unknown = null;

  function stopTimer(): void {
    if (timer !== null) timers.cancel(timer);
    timer = null;
  }

  async function flush(): Promise<boolean> {
    const ours = pending;
    pending = null;
    stopTimer();
    if (ours === null || ours === '') return false;
    try {
      if ((await access.read()) !== ours) return false;
      await access.clear();
      return true;
    } catch {
      // A clipboard the system will not let us read or write is left as it is.
      return false;
    }
  }

  return {
    copied(text) {
      pending = text;
      stopTimer();
      timer = timers.set(() => void flush(), holdMs);
    },
    flush,
    dispose() {
      pending = null;
      stopTimer();
    },
  };
}

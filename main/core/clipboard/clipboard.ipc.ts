/**
 * Clearing text copied from the app off the system clipboard, in the main process: one guard
 * per core (the rule is `preload/contract/clipboard-guard.ts`), fed by `clipboard:copied` and
 * flushed when the vault locks. Only where the shell gives the core a clipboard (Electron).
 */
import type { clipboardChannels } from '../../../preload/contract/clipboard';
import { createClipboardGuard, type ClipboardGuard } from '../../../preload/contract/clipboard-guard';
import type { HandlersFor, ShellServices } from '../ipc/router';
import type { SessionManager } from '../session/session-manager';

// Keyed by the session manager, as the machine policy is: one guard per core.
const guards = new WeakMap<SessionManager, ClipboardGuard>();

/** Give a core its clipboard guard (createCore, when the shell has a clipboard). */
export function installClipboardGuard(
  manager: SessionManager,
  clipboard: NonNullable<ShellServices['clipboard']>,
  holdMs?: number,
): ClipboardGuard {
  const guard = createClipboardGuard(
    { read: () => clipboard.readText(), clear: () => clipboard.clear() },
    holdMs === undefined ? {} : { holdMs },
  );
  guards.set(manager, guard);
  return guard;
}

/** Clear the app's text now if it is still on the clipboard (the vault has locked). */
export function flushClipboard(manager: SessionManager): Promise<boolean> {
  return guards.get(manager)?.flush() ?? Promise.resolve(false);
}

export const clipboardHandlers: HandlersFor<typeof clipboardChannels> = {
  'clipboard:copied': async (_input, { manager, shell }) => {
    const guard = guards.get(manager);
    if (!guard || !shell.clipboard) return { guarded: false };
    guard.copied(await shell.clipboard.readText());
    return { guarded: true };
  },
};

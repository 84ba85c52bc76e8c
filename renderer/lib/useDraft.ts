/**
 * Keep a form's unsaved input as an encrypted draft in the vault, so that a lock (Ctrl+L, the
 * idle lock, the computer's lock or sleep) does not lose it, and put it back when the form
 * opens again. The offer after sign-in (`features/drafts`) lists what is kept.
 *
 * When drafts are saved, and what a lock can lose:
 * - while the user types, the state is saved DRAFT_AUTOSAVE_MS (1.5 s) after the last change;
 * - before a lock the user asks for (Lock, Ctrl+L), `lockNow` flushes every open form first,
 *   so nothing typed is lost;
 * - the idle lock comes from the main process after minutes without activity: the autosave has
 *   long finished by then (and, being a call, counts as activity), so nothing is lost;
 * - the computer's lock or sleep arrives from the operating system without warning: what was
 *   typed in the last 1.5 s before it (plus a save still on its way) can be lost.
 * Once the vault is locked the renderer keeps nothing: the stores are reset, the forms unmount
 * and no draft is sent while no one is signed in.
 */
import { useEffect, useLayoutEffect, useState } from 'react';
import { DraftController, NO_DRAFT, type DraftStatus } from './draft-controller';

export { DRAFT_AUTOSAVE_MS } from './draft-controller';

export interface DraftOptions<T> {
  /** The form's draft key (see `draft-keys.ts`). */
  key: string;
  caseId: string | null;
  /** What the offer after sign-in calls the draft, e.g. "Case note on NC-2025-0042". */
  title: string;
  /** The form's current state: plain JSON (strings, booleans, arrays of strings ...). */
  state: T;
  /** Put a kept draft's state back into the form. Called only while the form is untouched. */
  onRestore: (state: T) => void;
  /** False: keep no draft (e.g. editing an existing note). Default true. */
  enabled?: boolean;
  /** False: do not fill the form from a kept draft when it opens (it has its state already). */
  restore?: boolean;
  /** The version of the case the form started from, to warn when a restored draft is older. */
  baseVersion?: number | null;
}

export interface DraftHandle extends DraftStatus {
  /** The user threw the draft away: remove it. The form resets its own fields. */
  discard(): Promise<void>;
  /** The form was saved: its draft is no longer needed. */
  submitted(): Promise<void>;
}

export function useDraft<T>(options: DraftOptions<T>): DraftHandle {
  const [status, setStatus] = useState<DraftStatus>(NO_DRAFT);
  const [controller] = useState(() => new DraftController<T>(setStatus));
  const { key, enabled = true } = options;
  const json = JSON.stringify(options.state);

  // Every render: hand the controller the latest props before the effects below read them.
  useLayoutEffect(() => {
    controller.update({
      ...options,
      enabled,
      restore: options.restore ?? true,
      baseVersion: options.baseVersion ?? null,
    });
  });
  useEffect(() => controller.restoreOnOpen(), [controller, key, enabled]);
  useEffect(() => controller.changed(), [controller, json, enabled]);
  useEffect(() => controller.mount(), [controller]);

  return {
    ...status,
    discard: () => controller.remove('discarded'),
    submitted: () => controller.remove('submitted'),
  };
}

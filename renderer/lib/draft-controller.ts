/**
 * The state machine behind `useDraft`, kept out of React so that the hook stays thin: what the
 * form looked like when it opened, what the vault holds, the autosave timer, and the calls.
 * See `useDraft.ts` for when drafts are saved and what a lock can lose.
 */
import { useSessionStore } from '../stores/session';
import { call, errorMessage } from './api';
import { enqueueDraftCall, registerDraftFlush } from './draft-queue';

/** Debounce of the autosave: long enough not to save on every key, short enough to lose little. */
export const DRAFT_AUTOSAVE_MS = 1500;

/** What is stored: the form's state and the case version it was typed against. */
interface Envelope<T> {
  form: T;
  baseVersion: number | null;
}

export interface DraftInputs<T> {
  key: string;
  caseId: string | null;
  title: string;
  state: T;
  onRestore: (state: T) => void;
  enabled: boolean;
  restore: boolean;
  baseVersion: number | null;
}

export interface DraftStatus {
  /** When the vault last kept this form's draft (ISO), or null when it holds none. */
  savedAt: string | null;
  /** Set when the form was filled in from a kept draft. */
  restored: { savedAt: string; caseChanged: boolean } | null;
  /** Why the draft could not be kept, if it could not. */
  error: string | null;
}

export const NO_DRAFT: DraftStatus = { savedAt: null, restored: null, error: null };

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class DraftController<T> {
  private inputs: DraftInputs<T> | null = null;
  private json = '';
  /** The form as it opened, or as a save or discard left it: nothing to keep. */
  private pristine: string | null = null;
  private rebaseline = false;
  /** What the vault holds for this key, as JSON; null when it holds nothing. */
  private kept: string | null = null;
  private touched = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private status: DraftStatus = NO_DRAFT;

  constructor(private readonly show: (status: DraftStatus) => void) {}

  /** The latest props, after every render. */
  update(inputs: DraftInputs<T>): void {
    this.inputs = inputs;
    this.json = JSON.stringify(inputs.state);
    if (this.pristine === null || this.rebaseline) {
      this.pristine = this.json;
      this.rebaseline = false;
    }
  }

  private set(patch: Partial<DraftStatus>): void {
    this.status = { ...this.status, ...patch };
    this.show(this.status);
  }

  private stopTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The form opened: put a kept draft back, unless the user has started typing already. */
  restoreOnOpen(): () => void {
    const inputs = this.inputs;
    if (!inputs?.enabled || !inputs.restore) return () => undefined;
    let live = true;
    enqueueDraftCall(() => call('draft:get', { key: inputs.key }))
      .then((found) => {
        const cur = this.inputs;
        if (!live || !found || !cur || this.touched) return;
        const envelope = found.state as Partial<Envelope<T>>;
        // Fields the form gained since the draft was kept keep their opening value.
        const form =
          isPlainObject(cur.state) && isPlainObject(envelope.form)
            ? ({ ...cur.state, ...envelope.form } as T)
            : envelope.form;
        if (form === undefined) return;
        this.kept = JSON.stringify(form);
        const caseChanged = cur.baseVersion !== null && (envelope.baseVersion ?? null) !== cur.baseVersion;
        this.set({ savedAt: found.updatedAt, restored: { savedAt: found.updatedAt, caseChanged }, error: null });
        cur.onRestore(form);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }

  /** The state changed: save it after the debounce, if there is anything to keep. */
  changed(): void {
    if (!this.inputs?.enabled || this.json === this.kept) return;
    if (this.json === this.pristine && this.kept === null) return;
    this.touched = true;
    this.stopTimer();
    this.timer = setTimeout(() => void this.saveNow(), DRAFT_AUTOSAVE_MS);
  }

  /** Save the current state now, if it holds anything the vault does not have yet. */
  readonly saveNow = async (): Promise<void> => {
    this.stopTimer();
    const cur = this.inputs;
    const json = this.json;
    // Locked (or locking): nothing may be sent, and nothing is kept in the renderer.
    if (!cur?.enabled || this.rebaseline || !useSessionStore.getState().user) return;
    if (json === this.kept) return;
    if (json === this.pristine) {
      // Back to how the form opened: nothing to keep, so no draft to offer either.
      if (this.kept !== null) await this.remove('discarded');
      return;
    }
    const before = this.kept;
    this.kept = json;
    const state: Envelope<T> = { form: cur.state, baseVersion: cur.baseVersion };
    try {
      const saved = await enqueueDraftCall(() =>
        call('draft:save', { key: cur.key, caseId: cur.caseId, title: cur.title, state }),
      );
      this.set({ savedAt: saved.updatedAt, error: null });
    } catch (err) {
      // The next change tries again; a lock meanwhile is handled by the app's lock handling.
      if (this.kept === json) this.kept = before;
      this.set({ error: errorMessage(err) });
    }
  };

  /** Remove the draft: the user discarded it, or the form was saved. */
  async remove(reason: 'discarded' | 'submitted'): Promise<void> {
    this.stopTimer();
    this.rebaseline = true;
    this.touched = false;
    const had = this.kept !== null;
    this.kept = null;
    this.set(NO_DRAFT);
    const key = this.inputs?.key;
    // A save may be on its way: the queue puts this after it, so the draft does not come back.
    if (key && (had || reason === 'discarded')) {
      await enqueueDraftCall(() => call('draft:discard', { key, reason })).catch(() => undefined);
    }
  }

  /** While mounted, a user-initiated lock flushes this form; closing the form saves it too. */
  mount(): () => void {
    const unregister = registerDraftFlush(this.saveNow);
    return () => {
      unregister();
      void this.saveNow();
    };
  }
}

import { PUBLIC, channel, empty } from './define';

/** Whether the main process took charge of clearing the clipboard (Electron) or not (browser host). */
export interface ClipboardCopiedResult {
  guarded: boolean;
}

export const clipboardChannels = {
  /**
   * The renderer has just copied text to the system clipboard. Under Electron the main process
   * reads the clipboard itself (the text never crosses IPC) and clears it after 30 seconds and
   * on lock if it still holds that text; `guarded: false` (the browser host) tells the renderer
   * to do the same with `navigator.clipboard`. Public: the recovery key is copied before anyone
   * is signed in.
   */
  'clipboard:copied': channel<ClipboardCopiedResult>()(empty, PUBLIC),
} as const;

/**
 * Text copied from the app leaves the clipboard after 30 seconds and when the vault locks,
 * unless the user has copied something else since (the rule: preload/contract/clipboard-guard.ts).
 *
 * On each copy or cut the renderer tells the main process (`clipboard:copied`). Under Electron
 * the main process reads and clears the system clipboard itself, so the copied text never
 * crosses IPC. In the browser host the answer is `guarded: false`, and the renderer keeps the
 * text it copied in memory and uses `navigator.clipboard` where the browser permits it: when
 * reading is refused nothing is cleared, since the app cannot tell its text from another's.
 */
import { createClipboardGuard, type ClipboardGuard } from '../../preload/contract/clipboard-guard';
import { call, onEvent } from './api';

/** What the copy takes: the selected text of a field, or of the page. */
function selectedText(): string {
  const active = document.activeElement;
  if (active instanceof HTMLInputElement || active instanceof HTMLTextAreaElement) {
    const { selectionStart, selectionEnd, value } = active;
    if (selectionStart !== null && selectionEnd !== null && selectionEnd > selectionStart) {
      return value.slice(selectionStart, selectionEnd);
    }
  }
  return window.getSelection()?.toString() ?? '';
}

function browserClipboardGuard(): ClipboardGuard {
  return createClipboardGuard({
    read: async () => {
      try {
        return await navigator.clipboard.readText();
      } catch {
        return null;
      }
    },
    clear: () => navigator.clipboard.writeText(''),
  });
}

/** Watch copies from the app for the rest of the page's life; returns how to stop. */
export function installClipboardClearing(): () => void {
  let fallback: ClipboardGuard | null = null;
  const onCopy = (event: ClipboardEvent) => {
    // A page script that sets the data itself (none does today) is what the clipboard will hold.
    const text = event.clipboardData?.getData('text/plain') || selectedText();
    // The browser writes the clipboard after the copy event's listeners have run.
    setTimeout(() => {
      call('clipboard:copied', {})
        .then(
          (answer) => answer.guarded,
          () => false,
        )
        .then((guarded) => {
          if (guarded) return;
          fallback ??= browserClipboardGuard();
          fallback.copied(text);
        });
    }, 0);
  };
  document.addEventListener('copy', onCopy);
  document.addEventListener('cut', onCopy);
  const stopListening = onEvent('vault:locked', () => void fallback?.flush());
  return () => {
    document.removeEventListener('copy', onCopy);
    document.removeEventListener('cut', onCopy);
    stopListening();
    fallback?.dispose();
  };
}

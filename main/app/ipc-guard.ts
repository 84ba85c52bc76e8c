/**
 * Who may call the IPC channels, as a plain function (tests/main/app/ipc-guard.test.ts).
 * ipc.ts feeds it the facts Electron knows about each call.
 */
import type { Result } from '../../preload/contract';
import { isTrustedSender } from './session-policy';

export interface IpcSenderFacts {
  /** `event.senderFrame?.url`: undefined when the frame is gone. */
  frameUrl: string | null | undefined;
  /** The sender frame is a top-level frame (`senderFrame.parent === null`), not an iframe. */
  isTopFrame: boolean;
  /** `event.sender === mainWindow.webContents`: the call comes from the app's own window. */
  isMainWindow: boolean;
}

/** Only the app's own page, in its top frame, in the app's own window, may call the core. */
export function isAllowedIpcSender(facts: IpcSenderFacts): boolean {
  return facts.isMainWindow && facts.isTopFrame && isTrustedSender(facts.frameUrl);
}

/** What an untrusted sender gets back: the same Result shape, and no detail to learn from. */
export const FORBIDDEN_SENDER: Result<never> = Object.freeze({
  ok: false,
  error: Object.freeze({ code: 'FORBIDDEN', message: 'This request did not come from the app.' }),
});

/**
 * Main -> renderer events travel on `event:<name>`. preload/index.ts subscribes with the same
 * prefix (it may import nothing but electron and the contract, so it spells it out too).
 */
export function eventChannel(name: string): string {
  return `event:${name}`;
}

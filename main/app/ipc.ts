/**
 * ipcMain wiring (Electron glue): one handler per contract channel, each checking the sender
 * before handing the call to the core's router, which validates the input. Events from the
 * core go to the main window only.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS, type EventName, type EventPayloads, type Result } from '../../preload/contract';
import type { Router } from '../core/ipc/router';
import { FORBIDDEN_SENDER, eventChannel, isAllowedIpcSender } from './ipc-guard';

function senderIsAllowed(event: IpcMainInvokeEvent, mainWindow: BrowserWindow | null): boolean {
  const frame = event.senderFrame;
  return isAllowedIpcSender({
    frameUrl: frame?.url,
    isTopFrame: frame !== null && frame.parent === null,
    isMainWindow: mainWindow !== null && !mainWindow.isDestroyed() && event.sender === mainWindow.webContents,
  });
}

/** Register a handler for every channel in the contract. Returns a function that removes them. */
export function registerIpcHandlers(router: Router, getMainWindow: () => BrowserWindow | null): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown): Promise<Result<unknown>> => {
      if (!senderIsAllowed(event, getMainWindow())) {
        console.warn(`Refused IPC on ${channel} from an untrusted sender.`);
        return Promise.resolve(FORBIDDEN_SENDER);
      }
      return router(channel, input);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Deliver a core event to the renderer of the main window, if it is still there. */
export function sendEventToWindow<E extends EventName>(
  mainWindow: BrowserWindow | null,
  name: E,
  payload: EventPayloads[E],
): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(eventChannel(name), payload);
}

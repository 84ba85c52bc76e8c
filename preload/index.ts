/**
 * The preload bridge: exposes `window.api`, built from the contract's channel and event lists,
 * and nothing else. Raw ipcRenderer never reaches the renderer, so the page can call only the
 * channels the contract declares, and the router in the main process validates every input.
 *
 * This runs in a sandboxed preload, which must be one self-contained CommonJS file: the
 * electron-vite config bundles './contract' (and zod) into out/preload/index.cjs.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createApi, type Channel, type EventName, type Result } from './contract';

/** Events reach the renderer on `event:<name>`, a namespace no invoke channel uses. */
const eventChannel = (name: EventName): string => `event:${name}`;

function invoke(channel: Channel, input: unknown): Promise<Result<unknown>> {
  return ipcRenderer.invoke(channel, input) as Promise<Result<unknown>>;
}

function subscribe(name: EventName, listener: (payload: unknown) => void): () => void {
  // Wrap the listener so the renderer never sees the IpcRendererEvent (it carries `sender`).
  const wrapped = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
  ipcRenderer.on(eventChannel(name), wrapped);
  return () => {
    ipcRenderer.removeListener(eventChannel(name), wrapped);
  };
}

contextBridge.exposeInMainWorld('api', createApi(invoke, subscribe));

/**
 * Applies the session policy (session-policy.ts) to Electron (glue, not unit-tested: it only
 * wires the tested functions to Electron's hooks). The app never reaches the network: every
 * request outside `app://ncats/` is cancelled, every permission is denied, and no page may
 * navigate, open a window or attach a webview, and only the app's own bundle and document
 * downloads are allowed (to a place the user picks in the save dialog).
 */
import { app, type Session, type WebContents } from 'electron';
import {
  isAllowedDownloadUrl,
  isAllowedNavigation,
  isAllowedRequestUrl,
  type RequestPolicyOptions,
} from './session-policy';

/** Deny everything the session could be asked for, and cancel every request off the app protocol. */
export function hardenSession(ses: Session, policy: RequestPolicyOptions): void {
  ses.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, policy);
    if (!allowed) console.warn(`Blocked a request off the app protocol: ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback(null));
  // Spell-check dictionaries are fetched from the network on demand.
  ses.setSpellCheckerEnabled(false);
  // Only the app's own bundle and document downloads; Electron asks where to save them.
  ses.on('will-download', (event, item) => {
    if (!isAllowedDownloadUrl(item.getURL())) event.preventDefault();
  });
}

/** Guard one webContents: no navigation off the app, no new windows, no webviews. */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAllowedNavigation(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // WebRTC could reveal local addresses through STUN even with every request blocked.
  contents.setWebRTCIPHandlingPolicy('disable_non_proxied_udp');
}

/** Guard every webContents the app ever creates, including any we did not create on purpose. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}

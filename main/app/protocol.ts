/**
 * The `app://` protocol (Electron glue). The renderer is served from `app://ncats/`, not from
 * `file://`, so it has a real origin for the CSP and no reach into the file system.
 */
import { protocol } from 'electron';
import { handleAppRequest, type AppProtocolOptions } from './app-protocol-handler';
import { APP_SCHEME } from './session-policy';

/** Must run before the app is ready: a standard, secure scheme with fetch and streaming. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    },
  ]);
}

/**
 * Serve the built renderer and the streamed document and bundle routes (`serveStream`)
 * on the default session. Run after 'ready'.
 */
export function serveAppProtocol(options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, (request) => handleAppRequest(request, options));
}

/**
 * A packaged app refuses to start with a debugging switch on its command line. Chromium opens
 * its DevTools protocol for `--remote-debugging-port` / `--remote-debugging-pipe` before any of
 * our code runs, and no fuse closes it (the `--inspect` switches are closed by the
 * EnableNodeCliInspectArguments fuse, but refusing them too costs nothing). Anyone who can edit
 * the shortcut could otherwise start the app with the port open, wait for the clinician to sign
 * in, and read or drive the signed-in renderer from another process. So the shell checks its own
 * command line first and exits before any window, vault or key exists.
 *
 * The packaged-app smoke test needs the port (Playwright's `_electron` needs `--inspect`, which
 * the fuse turns off), so a build may allow it in its own package.json
 * (`"ncatsAllowRemoteDebugging": true`, set only by the test's build). That file is inside the
 * app's asar, whose integrity the EnableEmbeddedAsarIntegrityValidation fuse checks: a user cannot
 * add the flag to an installed app without the app refusing to start. Unpackaged builds
 * (`npm start`, development) are not guarded.
 */

/** The switches that open a debugger onto the app (compared without their `=value`). */
export const DEBUG_SWITCHES = [
  '--remote-debugging-port',
  '--remote-debugging-pipe',
  '--remote-debugging-address',
  '--inspect',
  '--inspect-brk',
  '--inspect-port',
  '--inspect-publish-uid',
  '--debug',
  '--debug-brk',
] as const;

export interface DebugGuardInput {
  argv: readonly string[];
  /** `app.isPackaged`. */
  isPackaged: boolean;
  /** The build's own package.json says the smoke test may use the debugging port. */
  allowedByBuild: boolean;
}

/** The debugging switches on this command line that a packaged app must refuse (empty: start). */
export function refusedDebugSwitches({ argv, isPackaged, allowedByBuild }: DebugGuardInput): string[] {
  if (!isPackaged || allowedByBuild) return [];
  // Chromium accepts one or two leading dashes; compare the name before any `=`.
  const names = argv
    .filter((a) => a.startsWith('-'))
    .map((a) => `--${a.replace(/^-{1,2}/, '').split('=')[0] ?? ''}`.toLowerCase());
  return [...new Set(names.filter((n) => (DEBUG_SWITCHES as readonly string[]).includes(n)))];
}

/** What the user (and IT, in the event log) is told when the app will not start. */
export function debugRefusalMessage(switches: readonly string[]): string {
  return (
    `NCATS Casework was started with ${switches.join(', ')}, which would let another program ` +
    'read and control the app while you are signed in, so it will not start. Start it from its ' +
    'usual shortcut; if that shortcut adds these, ask your IT service desk to correct it.'
  );
}

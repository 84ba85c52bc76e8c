/**
 * `<app> --cli <command> [options]`: the packaged app's way in to the admin CLI.
 *
 * The packaged app cannot run `ncats.ts` the usual way: the RunAsNode fuse is off, so
 * `ELECTRON_RUN_AS_NODE=1 <app> ncats.js` does not work, on purpose. Instead the app itself
 * recognises `--cli` before it creates any window and hands everything after it to the same
 * command registry as `ncats` (main/app/cli-mode.ts). Pure, so it is tested under Node
 * (tests/main/packaging/cli-args.test.ts).
 */

export const CLI_FLAG = '--cli';

/**
 * The CLI's own arguments (everything after the first `--cli`), or null when the app was
 * started normally. `--cli` with nothing after it gives [] (the CLI then prints its help and
 * exits 2, as `ncats` does). Arguments before `--cli` belong to Electron or to whatever
 * launched it (Chromium switches, a test driver's flags) and are not passed on.
 */
export function cliArgsFrom(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(CLI_FLAG);
  return at < 0 ? null : argv.slice(at + 1);
}

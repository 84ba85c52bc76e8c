/**
 * The admin CLI run by the packaged app (`<app> --cli <command>`; see cli-args.ts): the same
 * `runCli` and command registry as `ncats`, the same exit codes and password rules (a hidden
 * prompt at a terminal, or `--password-stdin`; never a password in argv). No window is made,
 * no single-instance lock is taken (like `ncats`, it may run beside the open app), and the
 * process ends with the command's exit code.
 */
import { app } from 'electron';
import { processIo, type CliIo } from '../cli/io';
import { runCli as runCommand } from '../cli/run';

/** Resolves once everything written so far has been handed to the OS (pipes may be asynchronous). */
function flushed(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    stream.write('', () => resolve());
  });
}

export async function runAppCli(args: readonly string[], io: CliIo = processIo()): Promise<void> {
  // macOS would otherwise show a Dock icon for a process that never opens a window.
  app.dock?.hide();
  const code = await runCommand(args, io);
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  // app.exit, not process.exitCode: Electron keeps running without a window until told to stop,
  // and an open standard input (a pipe nobody closed) must not keep it alive either.
  app.exit(code);
}

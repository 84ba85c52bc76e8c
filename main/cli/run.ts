import type { Command } from './command';
import { COMMANDS } from './commands/index';
import { EXIT, UsageError, describeError, type ExitCode } from './errors';
import type { CliIo } from './io';

const HELP_FLAGS = new Set(['--help', '-h']);

function generalHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'ncats: administer an NCATS Casework vault from the command line (no Electron needed).',
    '',
    'Usage: ncats <command> [options]',
    '       ncats <command> --help',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Passwords are asked for at the terminal with echo off, or read from the first line of',
    'standard input with --password-stdin. They are never accepted as command-line arguments.',
    '',
    'Exit codes: 0 success; 1 verification or authentication failed; 2 usage error.',
  ].join('\n');
}

/** `--help` anywhere before a `--` terminator. */
function asksForHelp(args: readonly string[]): boolean {
  for (const arg of args) {
    if (arg === '--') return false;
    if (HELP_FLAGS.has(arg)) return true;
  }
  return false;
}

/**
 * Run one `ncats` invocation and return its exit code. Never throws: every error becomes a
 * message on standard error and exit code 1 or 2 (a stack trace only with NCATS_DEBUG=1).
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = COMMANDS,
): Promise<ExitCode> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(generalHelp(commands));
    return EXIT.USAGE;
  }
  if (HELP_FLAGS.has(name) || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.out(topic ? `Usage: ${topic.usage}` : generalHelp(commands));
    return EXIT.OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}". Run \`ncats --help\` to see the commands.`);
    return EXIT.USAGE;
  }
  if (asksForHelp(rest)) {
    io.out(`Usage: ${command.usage}`);
    return EXIT.OK;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    const { code, message } = describeError(err, io.env.NCATS_DEBUG === '1');
    io.err(`ncats ${command.name}: ${message}`);
    if (err instanceof UsageError) io.err(`Run \`ncats ${command.name} --help\` for its options.`);
    return code;
  }
}

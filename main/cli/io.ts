/**
 * The CLI's only contact with the outside world. Commands receive a `CliIo` instead of touching
 * `process` directly, so they can be driven from tests with plain strings.
 */
export interface CliIo {
  /** Normal output (results a script may parse). */
  out(text: string): void;
  /** Prompts, warnings and errors. */
  err(text: string): void;
  /** True when standard input is an interactive terminal (so a hidden prompt is possible). */
  readonly stdinIsTTY: boolean;
  /** The next line of standard input without its line ending, or null at end of input. */
  readLine(): Promise<string | null>;
  /** Ask for a secret on the terminal with echo off. Only valid when `stdinIsTTY`. */
  promptHidden(prompt: string): Promise<string>;
  /** Environment variables (NCATS_DEBUG and the like). */
  readonly env: Readonly<Record<string, string | undefined>>;
  now(): Date;
}

/** Thrown by a hidden prompt when the person presses Ctrl+C. */
export class PromptCancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'PromptCancelled';
  }
}

/**
 * Reads standard input line by line, lazily: nothing is read until a command asks, so a command
 * that needs no input never waits on it, and the stream is paused between reads so the process
 * can exit while input is still open.
 */
class StdinLineReader {
  private buffer = '';
  private ended = false;
  private waiting: ((line: string | null) => void) | null = null;
  private attached = false;

  constructor(private readonly stream: NodeJS.ReadStream) {}

  readLine(): Promise<string | null> {
    this.attach();
    const ready = this.takeLine();
    if (ready !== undefined) return Promise.resolve(ready);
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.stream.resume();
    });
  }

  private attach(): void {
    if (this.attached) return;
    this.attached = true;
    this.stream.setEncoding('utf8');
    this.stream.on('data', (chunk: string) => {
      this.buffer += chunk;
      this.deliver();
    });
    this.stream.on('end', () => {
      this.ended = true;
      this.deliver();
    });
  }

  /** A complete line, null at end of input, or undefined when more input is needed. */
  private takeLine(): string | null | undefined {
    const newline = this.buffer.indexOf('\n');
    if (newline >= 0) {
      const line = this.buffer.slice(0, newline).replace(/\r$/, '');
      this.buffer = this.buffer.slice(newline + 1);
      return line;
    }
    if (!this.ended) return undefined;
    if (this.buffer.length > 0) {
      const last = this.buffer.replace(/\r$/, '');
      this.buffer = '';
      return last;
    }
    return null;
  }

  private deliver(): void {
    if (!this.waiting) return;
    const line = this.takeLine();
    if (line === undefined) return;
    const resolve = this.waiting;
    this.waiting = null;
    this.stream.pause();
    resolve(line);
  }
}

/**
 * Read a secret from a terminal in raw mode, echoing nothing. Handles backspace, Ctrl+C
 * (cancel) and Ctrl+D on an empty line (end). The prompt goes to standard error so standard
 * output stays clean for scripts.
 */
function promptHiddenOnTerminal(stdin: NodeJS.ReadStream, stderr: NodeJS.WriteStream, prompt: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let secret = '';
    stderr.write(prompt);
    stdin.setRawMode(true);
    stdin.setEncoding('utf8');
    const finish = (error: Error | null): void => {
      stdin.setRawMode(false);
      stdin.removeListener('data', onData);
      stdin.pause();
      stderr.write('\n');
      if (error) reject(error);
      else resolve(secret);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish(null);
        if (ch === '\u0003') return finish(new PromptCancelled());
        if (ch === '\u007f' || ch === '\b') secret = secret.slice(0, -1);
        else if (ch >= ' ') secret += ch;
      }
    };
    stdin.on('data', onData);
    stdin.resume();
  });
}

/** The real terminal / pipes of this process. */
export function processIo(): CliIo {
  const lines = new StdinLineReader(process.stdin);
  // `ncats info | head -1` closes the pipe early. Drop further output instead of crashing, so
  // the command still runs to the end and closes the vault (wiping the key) in its finally.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE' && err.code !== 'ERR_STREAM_DESTROYED') throw err;
    });
  }
  return {
    out: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
    err: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
    stdinIsTTY: process.stdin.isTTY === true,
    readLine: () => lines.readLine(),
    promptHidden: (prompt) => promptHiddenOnTerminal(process.stdin, process.stderr, prompt),
    env: process.env,
    now: () => new Date(),
  };
}

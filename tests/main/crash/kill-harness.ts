/**
 * The kill harness: run crash-child.ts in one of its modes, kill it with SIGKILL a random time
 * after it says START, and hand back what it acknowledged. A round whose child printed BEGIN
 * last was killed inside a write (between the start of a write and its acknowledgement).
 */
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import type { Swept } from './after-kill';

const REPO = resolve(import.meta.dirname, '../../..');
const CHILD = join('tests', 'main', 'crash', 'crash-child.ts');

/** Rounds per write path: a few in `npm test`, more with CRASH_ROUNDS=50 for a long run. */
export const ROUNDS = Math.max(1, Number(process.env.CRASH_ROUNDS ?? 6) || 6);

export interface KillRound {
  /** Every acknowledged write, in order, as the child printed it. */
  acks: Record<string, unknown>[];
  /** The child was killed between a BEGIN and its ACK. */
  killedMidWrite: boolean;
  /** The child was killed (rather than finishing its work and exiting). */
  killed: boolean;
  /** Milliseconds from START to the end of the child. */
  ranMs: number;
  stderr: string;
}

/**
 * Run `mode` with `args`; `killAfterMs` after START it is killed (Infinity: never, the child
 * must finish by itself). Node itself with tsx's loader, not the tsx wrapper, whose own child
 * would outlive the kill.
 */
export function runAndKill(mode: string, args: Record<string, unknown>, killAfterMs: number): Promise<KillRound> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, mode, JSON.stringify(args)], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acks: Record<string, unknown>[] = [];
    let buffer = '';
    let stderr = '';
    let last = '';
    let startedAt = 0;
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        last = line;
        if (line.startsWith('ACK ')) acks.push(JSON.parse(line.slice(4)) as Record<string, unknown>);
        if (line === 'START' && !startedAt) {
          startedAt = performance.now();
          if (Number.isFinite(killAfterMs)) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        }
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const killed = signal === 'SIGKILL';
      if (!killed && code !== 0) {
        fail(new Error(`crash-child ${mode} failed (exit ${String(code)}): ${stderr}`));
        return;
      }
      done({
        acks,
        killed,
        killedMidWrite: killed && last === 'BEGIN',
        ranMs: startedAt ? performance.now() - startedAt : 0,
        stderr,
      });
    });
  });
}

/** A kill moment for a round: uniform over `spanMs`, so early, middle and late all come up. */
export function randomKillMs(spanMs: number): number {
  return Math.floor(Math.random() * spanMs);
}

/** The figures a write path's test prints and the hazard log quotes. */
export interface KillTally {
  path: string;
  rounds: number;
  killed: number;
  killedMidWrite: number;
  acknowledgedChecked: number;
  /** Left by the kills and removed by the start-up sweeps. */
  swept: Swept;
}

export function tallyLine(t: KillTally): string {
  return `crash kill test, ${t.path}: ${t.rounds} rounds, ${t.killed} killed, ${t.killedMidWrite} inside a write, ${t.acknowledgedChecked} acknowledged writes checked; swept ${t.swept.tempFiles} blob temporaries, ${t.swept.orphanBlobs} orphan blobs, ${t.swept.bundleFiles} inbox partials`;
}

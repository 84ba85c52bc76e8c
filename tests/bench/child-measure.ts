/**
 * Shared by the memory-sensitive child processes: time a piece of work and sample the resident
 * set while it runs. Each child starts clean, so earlier measurements cannot pollute its RSS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const MB = 1024 * 1024;

/** Deterministic incompressible-looking bytes, generated 64 KiB at a time (never all in memory). */
export function* pseudoRandom(total: number, salt = 0): Generator<Buffer> {
  const block = Buffer.alloc(64 * 1024);
  for (let i = 0; i < block.length; i++) block[i] = ((i + salt) * 2654435761) >>> 24;
  for (let sent = 0; sent < total; sent += block.length) {
    block.writeUInt32LE(sent, 0);
    yield Buffer.from(block.subarray(0, Math.min(block.length, total - sent)));
  }
}

export interface Measured {
  seconds: number;
  /** CPU time (user + system, all threads) the work took: steadier than wall time under load. */
  cpuSeconds: number;
  peakGrowthMB: number;
}

/** Run `fn`, sampling RSS every 10 ms; peak growth is above the RSS just before it started. */
export async function measure(fn: () => Promise<unknown>): Promise<Measured> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const start = process.memoryUsage.rss();
  let peak = start;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  try {
    await fn();
  } finally {
    clearInterval(timer);
  }
  const cpu = process.cpuUsage(cpu0);
  peak = Math.max(peak, process.memoryUsage.rss());
  return {
    seconds: (performance.now() - t0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    peakGrowthMB: (peak - start) / MB,
  };
}

/** A scratch folder for one child, removed by the returned function. */
export function scratch(prefix: string): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Children answer with one JSON line on standard output. */
export function answer(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

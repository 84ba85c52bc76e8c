/**
 * Timing helpers and the two outputs of the benchmark: one JSON object per metric on standard
 * output (for scripts and CI) and a readable table on standard error (for people).
 */

export interface Metric {
  metric: string;
  unit: string;
  p50?: number;
  p95?: number;
  value?: number;
  /** The target, as text (e.g. "p95 <= 20"), or absent when there is none. */
  target?: string;
  /** Whether the figure meets the target; absent when there is no target. */
  met?: boolean;
  note?: string;
  samples?: number;
}

const emitted: Metric[] = [];

/** Nearest-rank percentile of already-collected samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

/** Print a percentile metric (p50/p95 of `samples`). `maxP95` is the target, if any. */
export function emitSamples(
  metric: string,
  samples: readonly number[],
  extra: Partial<Metric> = {},
  maxP95?: number,
): Metric {
  const p95 = round(percentile(samples, 95));
  return emit({
    metric,
    unit: 'ms',
    p50: round(percentile(samples, 50)),
    p95,
    samples: samples.length,
    ...(maxP95 !== undefined ? { target: `p95 <= ${maxP95}`, met: p95 <= maxP95 } : {}),
    ...extra,
  });
}

/** Print a single-figure metric. */
export function emitValue(metric: string, value: number, unit: string, extra: Partial<Metric> = {}): Metric {
  return emit({ metric, unit, value: round(value), ...extra });
}

export function emit(m: Metric): Metric {
  emitted.push(m);
  process.stdout.write(`${JSON.stringify(m)}\n`);
  return m;
}

/** Progress and notes for people, on standard error so standard output stays parseable. */
export function say(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** The readable table of everything emitted so far. */
export function printTable(): void {
  const rows = emitted.map((m) => [
    m.metric,
    m.value !== undefined ? String(m.value) : `${m.p50 ?? ''} / ${m.p95 ?? ''}`,
    m.unit,
    m.target ?? '',
    m.met === undefined ? '' : m.met ? 'ok' : 'MISSED',
    m.note ?? '',
  ]);
  const header = ['metric', 'value (p50 / p95)', 'unit', 'target', '', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  say('');
  say(line(header));
  say(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) say(line(r));
}

/**
 * `npm run bench -- --scale`: the whole benchmark at 10,000 cases, then at 50,000 (issue 17), each
 * in its own process on its own demo vault, and a table of how much each metric grew. Five times
 * the data should cost a screen no more than 1.5 times the time: a national service keeps its
 * records for decades, so the cost of a screen must not grow with the vault.
 *
 * Growth is always "how much worse": for times the large run's p95 (or value) over the small
 * run's; for rates (MB/s) the small over the large. Sizes, counts and the run's own context are
 * printed without a ratio: they are expected to grow.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './demo-vault';
import { emit, printTable, round, say, type Metric } from './report';

/** The sizes compared, smallest first. */
export const SCALE_SIZES = [10_000, 50_000] as const;

/** Issue 17's bound on growth for a screen's query from 10,000 to 50,000 cases. */
export const MAX_GROWTH = 1.5;

/** Metrics whose growth is expected (they measure the data, not a screen). */
const GROWS_WITH_DATA = new Set(['demo_generate_s', 'demo_documents_s', 'bench_context']);

const isRate = (unit: string): boolean => unit.endsWith('/s');
const isTime = (unit: string): boolean => unit === 'ms' || unit === 's';

/** The figure a metric is compared by: its p95 when it has samples, otherwise its value. */
function figure(m: Metric): number | undefined {
  return m.p95 ?? m.value;
}

export interface Growth {
  metric: string;
  unit: string;
  small: number;
  large: number;
  /** How much worse at the large size (1 = flat); undefined when growth is not judged. */
  growth?: number;
  /** Within {@link MAX_GROWTH}; undefined when growth is not judged. */
  met?: boolean;
}

/** Pair each metric of the small run with the large run's and say how much it grew. */
export function growthOf(small: readonly Metric[], large: readonly Metric[]): Growth[] {
  const bigByName = new Map(large.map((m) => [m.metric, m]));
  const rows: Growth[] = [];
  for (const s of small) {
    const l = bigByName.get(s.metric);
    const a = figure(s);
    const b = l ? figure(l) : undefined;
    if (!l || a === undefined || b === undefined) continue;
    const judged = !GROWS_WITH_DATA.has(s.metric) && (isTime(s.unit) || isRate(s.unit)) && a > 0 && b > 0;
    if (!judged) {
      rows.push({ metric: s.metric, unit: s.unit, small: a, large: b });
      continue;
    }
    const growth = round(isRate(s.unit) ? a / b : b / a);
    rows.push({ metric: s.metric, unit: s.unit, small: a, large: b, growth, met: growth <= MAX_GROWTH });
  }
  return rows;
}

/** The metric lines a benchmark run printed on standard output (its table went to stderr). */
export function parseMetrics(stdout: string): Metric[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Metric);
}

/** Run the benchmark once at `cases`, passing the other options through; its progress is shown. */
function runAt(cases: number, passThrough: string[]): Metric[] {
  say(`\n=== ${cases.toLocaleString('en-GB')} cases (load ${loadavg()[0]?.toFixed(2) ?? '?'}) ===`);
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', join(REPO_ROOT, 'tests', 'bench', 'run.ts'), '--cases', String(cases), ...passThrough],
    { cwd: REPO_ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
  );
  return parseMetrics(out);
}

/** Both runs and the growth table; `passThrough` is every option but --scale and --cases. */
export function runScale(passThrough: string[]): void {
  const [smallSize, largeSize] = SCALE_SIZES;
  const small = runAt(smallSize, passThrough);
  const large = runAt(largeSize, passThrough);
  say(`\n=== Growth from ${smallSize.toLocaleString('en-GB')} to ${largeSize.toLocaleString('en-GB')} cases ===`);
  for (const g of growthOf(small, large)) {
    emit({
      metric: `${g.metric}_growth`,
      unit: 'x',
      ...(g.growth !== undefined ? { value: g.growth } : {}),
      ...(g.met !== undefined ? { target: `<= ${MAX_GROWTH}`, met: g.met } : {}),
      note: `${g.small} -> ${g.large} ${g.unit}${g.growth === undefined ? ' (grows with the data: not judged)' : ''}`,
    });
  }
  printTable();
}

/** The growth table of `npm run bench -- --scale` (tests/bench/scale.ts): which way is worse, what is judged. */
import { describe, expect, it } from 'vitest';
import { growthOf, MAX_GROWTH, parseMetrics } from '../../bench/scale';
import type { Metric } from '../../bench/report';

const small: Metric[] = [
  { metric: 'caseload_page_ms', unit: 'ms', p50: 2, p95: 4 },
  { metric: 'bundle_export_mb_s', unit: 'MB/s', value: 150 },
  { metric: 'demo_generate_s', unit: 's', value: 60 },
  { metric: 'renderer_js_gz_kb', unit: 'KB', value: 300 },
  { metric: 'only_small_ms', unit: 'ms', p95: 1 },
];
const large: Metric[] = [
  { metric: 'caseload_page_ms', unit: 'ms', p50: 3, p95: 8 },
  { metric: 'bundle_export_mb_s', unit: 'MB/s', value: 100 },
  { metric: 'demo_generate_s', unit: 's', value: 300 },
  { metric: 'renderer_js_gz_kb', unit: 'KB', value: 300 },
];

describe('growthOf', () => {
  const rows = growthOf(small, large);
  const row = (name: string) => rows.find((r) => r.metric === name);

  it('judges times by the p95 at the large size over the small', () => {
    expect(row('caseload_page_ms')).toMatchObject({ small: 4, large: 8, growth: 2, met: false });
  });

  it('judges rates the other way round: slower is worse', () => {
    expect(row('bundle_export_mb_s')).toMatchObject({ growth: 1.5, met: 1.5 <= MAX_GROWTH });
  });

  it('shows what grows with the data, and sizes, without judging them', () => {
    expect(row('demo_generate_s')).toEqual({ metric: 'demo_generate_s', unit: 's', small: 60, large: 300 });
    expect(row('renderer_js_gz_kb')?.growth).toBeUndefined();
  });

  it('leaves out a metric only one run printed', () => {
    expect(row('only_small_ms')).toBeUndefined();
  });
});

it('parseMetrics reads the JSON lines and ignores the rest', () => {
  const out = `${JSON.stringify(small[0])}\nnot json\n\n${JSON.stringify(small[1])}\n`;
  expect(parseMetrics(out).map((m) => m.metric)).toEqual(['caseload_page_ms', 'bundle_export_mb_s']);
});

/** The scoring rules: which band a score is in at every edge, and what makes a scale invalid. */
import { describe, expect, it } from 'vitest';
import {
  bandFor,
  scaleProblem,
  scoreProblem,
  type ScaleDefinition,
} from '../../../../preload/contract/psychometric-bands';
import { scaleDefinitionSchema } from '../../../../preload/contract/psychometrics';
import { checkScores, headline, scoreScales } from '../../../../main/core/psychometrics/scoring';

/** An SDQ-shaped total, four integer bands (illustrative cut-offs, not the published ones). */
const total: ScaleDefinition = {
  key: 'total',
  name: 'Total difficulties',
  min: 0,
  max: 40,
  integer: true,
  bands: [
    { from: 0, to: 13, label: 'close to average' },
    { from: 14, to: 16, label: 'slightly raised' },
    { from: 17, to: 19, label: 'high' },
    { from: 20, to: 40, label: 'very high' },
  ],
};

/** A decimal scale (ORS-like): bands meet at a boundary, which belongs to the higher band. */
const decimal: ScaleDefinition = {
  key: 'overall',
  name: 'Overall',
  min: 0,
  max: 10,
  integer: false,
  bands: [
    { from: 0, to: 4.5, label: 'low' },
    { from: 4.5, to: 10, label: 'not low' },
  ],
};

const label = (s: ScaleDefinition, n: number) => bandFor(s, n)?.label ?? null;

describe('band derivation', () => {
  it.each([
    [0, 'close to average'],
    [13, 'close to average'],
    [14, 'slightly raised'],
    [16, 'slightly raised'],
    [17, 'high'],
    [19, 'high'],
    [20, 'very high'],
    [40, 'very high'],
  ])('an integer score of %i is %s', (score, expected) => {
    expect(scoreProblem(total, score)).toBeNull();
    expect(label(total, score)).toBe(expected);
  });

  it('puts a decimal score on a boundary in the higher band, and either side in its own', () => {
    expect(label(decimal, 0)).toBe('low');
    expect(label(decimal, 4.49)).toBe('low');
    expect(label(decimal, 4.5)).toBe('not low');
    expect(label(decimal, 10)).toBe('not low');
  });

  it('gives no band on a scale that has none yet', () => {
    expect(bandFor({ ...total, bands: [] }, 18)).toBeNull();
  });

  it('refuses scores outside the range, with the range in the message', () => {
    expect(scoreProblem(total, -1)).toBe('Total difficulties: -1 is outside the scale’s range of 0 to 40.');
    expect(scoreProblem(total, 41)).toBe('Total difficulties: 41 is outside the scale’s range of 0 to 40.');
    expect(scoreProblem(decimal, 10.01)).toMatch(/outside the scale’s range of 0 to 10/);
  });

  it('refuses a decimal on a whole-number scale, and accepts one where decimals are allowed', () => {
    expect(scoreProblem(total, 13.5)).toBe('Total difficulties: scores are whole numbers (0 to 40); 13.5 is not.');
    expect(scoreProblem(decimal, 7.3)).toBeNull();
  });
});

describe('catalogue validation of a scale', () => {
  const withBands = (bands: ScaleDefinition['bands'], over: Partial<ScaleDefinition> = {}) => ({
    ...total,
    ...over,
    bands,
  });

  it('accepts bands in order that cover the range, and a scale with no bands', () => {
    expect(scaleProblem(total)).toBeNull();
    expect(scaleProblem(decimal)).toBeNull();
    expect(scaleProblem({ ...total, bands: [] })).toBeNull();
  });

  it.each<[string, ScaleDefinition, RegExp]>([
    ['a range upside down', withBands([], { min: 10, max: 0 }), /lowest score \(10\) must be below the highest \(0\)/],
    [
      'a gap',
      withBands([
        { from: 0, to: 12, label: 'a' },
        { from: 14, to: 40, label: 'b' },
      ]),
      /gap between “a” and “b”. “b” should start at 13/,
    ],
    [
      'an overlap',
      withBands([
        { from: 0, to: 14, label: 'a' },
        { from: 14, to: 40, label: 'b' },
      ]),
      /overlap, or are out of order. “b” should start at 15/,
    ],
    [
      'bands out of order',
      withBands([
        { from: 20, to: 40, label: 'b' },
        { from: 0, to: 19, label: 'a' },
      ]),
      /first band must start at the lowest score, 0/,
    ],
    [
      'not starting at the minimum',
      withBands([{ from: 1, to: 40, label: 'a' }]),
      /first band must start at the lowest score, 0 \(it starts at 1\)/,
    ],
    [
      'not reaching the maximum',
      withBands([{ from: 0, to: 39, label: 'a' }]),
      /last band must end at the highest score, 40 \(it ends at 39\)/,
    ],
    [
      'a band ending before it starts',
      withBands([
        { from: 0, to: 20, label: 'a' },
        { from: 21, to: 20, label: 'b' },
      ]),
      /“b” ends \(20\) before it starts \(21\)/,
    ],
    [
      'a decimal edge on a whole-number scale',
      withBands([
        { from: 0, to: 13.5, label: 'a' },
        { from: 14, to: 40, label: 'b' },
      ]),
      /must start and end on whole numbers/,
    ],
    [
      'two bands with one label',
      withBands([
        { from: 0, to: 13, label: 'High' },
        { from: 14, to: 40, label: 'high' },
      ]),
      /same label/,
    ],
    ['an empty label', withBands([{ from: 0, to: 40, label: ' ' }]), /every band needs a label/],
    [
      'a decimal gap',
      {
        ...decimal,
        bands: [
          { from: 0, to: 4, label: 'a' },
          { from: 4.5, to: 10, label: 'b' },
        ],
      },
      /gap between “a” and “b”. “b” should start at 4/,
    ],
  ])('refuses %s, saying why', (_what, scale, message) => {
    expect(scaleProblem(scale)).toMatch(message);
    // The contract's schema gives the same reason, so the router refuses it too.
    const parsed = scaleDefinitionSchema.safeParse(scale);
    expect(parsed.success).toBe(false);
  });
});

describe('scoring an administration', () => {
  const scales = [total, { ...decimal, key: 'impact', name: 'Impact', bands: [] }];

  it('orders the scores as the instrument does and marks the rest not scored', () => {
    expect(checkScores(scales, [{ scaleKey: 'total', score: 18 }])).toEqual([
      { scaleKey: 'total', score: 18 },
      { scaleKey: 'impact', score: null },
    ]);
  });

  it('refuses an unknown scale, a repeated scale, nothing scored, and an out-of-range score', () => {
    expect(() => checkScores(scales, [{ scaleKey: 'nope', score: 1 }])).toThrow(/no scale “nope”/);
    expect(() =>
      checkScores(scales, [
        { scaleKey: 'total', score: 1 },
        { scaleKey: 'total', score: 2 },
      ]),
    ).toThrow(/twice/);
    expect(() => checkScores(scales, [{ scaleKey: 'total', score: null }])).toThrow('Enter at least one score.');
    expect(() => checkScores(scales, [{ scaleKey: 'total', score: 41 }])).toThrow(/range of 0 to 40/);
  });

  it('derives each band and the headline the chronology shows', () => {
    const scored = scoreScales(scales, [
      { scaleKey: 'total', score: 18 },
      { scaleKey: 'impact', score: 2.5 },
    ]);
    expect(scored.map((s) => [s.score, s.band?.label ?? null, s.bandIndex, s.bandCount])).toEqual([
      [18, 'high', 2, 4],
      [2.5, null, null, 0],
    ]);
    expect(headline(scored)).toBe('total difficulties 18, high');
    expect(headline(scoreScales(scales, [{ scaleKey: 'impact', score: 3 }]))).toBe('impact 3');
  });
});

/**
 * The DMM classification codes (A1-A8, B1-B5, C1-C8, A/C, AC, IO, CC) with the age they are
 * usually first seen and their risk tier, and `parseClassification`, which takes a coder's text
 * apart. Part of the DMM data (`dmm.ts`).
 */

/** The risk tier of a pattern: how far it departs from the normative strategies. */
export const DMM_TIERS = ['normative', 'elevated', 'high'] as const;
export type DmmTier = (typeof DMM_TIERS)[number];
/** IO and CC are not tiered: they flag that the strategy could not be placed. */
export type DmmTierOrFlag = DmmTier | 'flag';

export const DMM_TIER_LABELS: Record<DmmTierOrFlag, string> = {
  normative: 'Normative',
  elevated: 'Elevated',
  high: 'High',
  flag: 'Not classified',
};

/** The developmental periods from which codes are usually seen, with their first month. */
export const DMM_PERIODS = {
  infancy: { label: 'infancy', fromMonths: 0 },
  preschool: { label: 'the preschool years', fromMonths: 18 },
  adolescence: { label: 'adolescence', fromMonths: 12 * 12 },
  adulthood: { label: 'adulthood', fromMonths: 18 * 12 },
  any: { label: 'any age', fromMonths: 0 },
} as const;
export type DmmPeriod = keyof typeof DMM_PERIODS;

export interface DmmCodeDefinition {
  /** "A3", "B4", "IO". */
  code: string;
  meaning: string;
  seenFrom: DmmPeriod;
  tier: DmmTierOrFlag;
}

function codeRow(code: string, meaning: string, seenFrom: DmmPeriod, tier: DmmTierOrFlag): DmmCodeDefinition {
  return { code, meaning, seenFrom, tier };
}

/** Every single pattern code, as DOMAIN.md lists them (it names only B3 among the B codes). */
export const DMM_CODES: readonly DmmCodeDefinition[] = [
  codeRow('A1', 'idealising', 'infancy', 'normative'),
  codeRow('A2', 'distancing', 'infancy', 'normative'),
  codeRow('A3', 'compulsive caregiving', 'preschool', 'elevated'),
  codeRow('A4', 'compulsive compliance / performance', 'preschool', 'elevated'),
  codeRow('A5', 'compulsively promiscuous', 'adolescence', 'high'),
  codeRow('A6', 'compulsively self-reliant', 'adolescence', 'high'),
  codeRow('A7', 'delusional idealisation', 'adulthood', 'high'),
  codeRow('A8', 'externally assembled self', 'adulthood', 'high'),
  codeRow('B1', 'balanced', 'infancy', 'normative'),
  codeRow('B2', 'balanced', 'infancy', 'normative'),
  codeRow('B3', 'comfortably balanced', 'infancy', 'normative'),
  codeRow('B4', 'balanced', 'infancy', 'normative'),
  codeRow('B5', 'balanced', 'infancy', 'normative'),
  codeRow('C1', 'threateningly angry', 'infancy', 'normative'),
  codeRow('C2', 'disarmingly desirous', 'infancy', 'normative'),
  codeRow('C3', 'aggressive', 'preschool', 'elevated'),
  codeRow('C4', 'feigned helpless', 'preschool', 'elevated'),
  codeRow('C5', 'punitive', 'adolescence', 'high'),
  codeRow('C6', 'seductive', 'adolescence', 'high'),
  codeRow('C7', 'menacing', 'adulthood', 'high'),
  codeRow('C8', 'paranoid', 'adulthood', 'high'),
  codeRow('IO', 'insecure other', 'any', 'flag'),
  codeRow('CC', 'cannot classify', 'any', 'flag'),
];

/** The combined patterns: A/C alternates an A+ and a C+ strategy; AC blends them. */
export const DMM_COMBINED = {
  'A/C': { meaning: 'alternating A+ and C+', seenFrom: 'preschool', tier: 'high' },
  AC: { meaning: 'blended A+ and C+', seenFrom: 'adolescence', tier: 'high' },
} as const satisfies Record<string, { meaning: string; seenFrom: DmmPeriod; tier: DmmTier }>;

const CODE_BY_NAME: ReadonlyMap<string, DmmCodeDefinition> = new Map(DMM_CODES.map((c) => [c.code, c]));

/** The highest number in each family (B stops at 5). */
const FAMILY_MAX = { A: 8, B: 5, C: 8 } as const;
type Family = keyof typeof FAMILY_MAX;
/** A+ and C+ are the compulsive and obsessive strategies: numbers 3 and above. */
const PLUS_FROM = 3;

/** One part of a classification: a family and a number or an ascending range of numbers. */
export interface DmmPart {
  family: Family;
  from: number;
  to: number;
}

/** A classification taken apart, with what it means. */
export interface ParsedClassification {
  /** The canonical text: "B3", "B4-5", "A4/C5", "AC", "IO". */
  text: string;
  pattern: 'single' | 'range' | 'A/C' | 'AC' | 'unclassified';
  /** The parts in A, B, C order (none for IO and CC). */
  parts: DmmPart[];
  /** The highest tier of its parts. */
  tier: DmmTierOrFlag;
  /** The earliest age, in months, at which every code in it is usually seen. */
  usualFromMonths: number;
  /** The period that earliest age belongs to, for the warning. */
  usualFrom: DmmPeriod;
  /** "compulsive compliance / performance alternating with punitive". */
  meaning: string;
}

const TIER_ORDER: Record<DmmTierOrFlag, number> = { normative: 0, elevated: 1, high: 2, flag: 3 };

function definitionOf(family: Family, n: number): DmmCodeDefinition {
  const def = CODE_BY_NAME.get(`${family}${n}`);
  if (!def) throw new Error(`No DMM code ${family}${n}`);
  return def;
}

function partText(p: DmmPart): string {
  return p.from === p.to ? `${p.family}${p.from}` : `${p.family}${p.from}-${p.to}`;
}

/** A part such as "A4" or "B4-5", or why it is not one. */
function parsePart(text: string): DmmPart | string {
  const m = /^([ABC])([1-8])(?:-([1-8]))?$/.exec(text);
  if (!m) return `"${text}" is not a DMM code. Codes are A1-A8, B1-B5, C1-C8, ranges such as B4-5, A/C, AC, IO or CC.`;
  const family = m[1] as Family;
  const from = Number(m[2]);
  const to = m[3] === undefined ? from : Number(m[3]);
  const max = FAMILY_MAX[family];
  if (from > max || to > max)
    return `There is no ${family}${Math.max(from, to)}: the ${family} codes run from ${family}1 to ${family}${max}.`;
  if (m[3] !== undefined && to === from) return `A range needs two codes: write ${family}${from}, not ${text}.`;
  if (to < from) return `A range runs upwards: write ${family}${to}-${from}, not ${text}.`;
  return { family, from, to };
}

/**
 * Take a classification apart, or say why it is not one (UK English, for the form). Accepts a
 * single code (B3), a range within one family (B4-5), A/C with both components (A4/C5, each
 * A+ or C+, each possibly a range), AC, IO and CC. Spaces and case are forgiven.
 */
export function parseClassification(input: string): ParsedClassification | string {
  const text = input.replace(/\s+/g, '').toUpperCase();
  if (text === '') return 'Enter the classification, for example B3, B4-5, A4/C5 or AC.';
  if (text === 'IO' || text === 'CC') {
    const def = CODE_BY_NAME.get(text) as DmmCodeDefinition;
    return {
      text,
      pattern: 'unclassified',
      parts: [],
      tier: 'flag',
      usualFromMonths: 0,
      usualFrom: 'any',
      meaning: def.meaning,
    };
  }
  if (text === 'AC') {
    const c = DMM_COMBINED.AC;
    return {
      text,
      pattern: 'AC',
      parts: [],
      tier: c.tier,
      usualFromMonths: DMM_PERIODS[c.seenFrom].fromMonths,
      usualFrom: c.seenFrom,
      meaning: c.meaning,
    };
  }
  if (text.includes('/')) {
    const [left = '', right = '', ...rest] = text.split('/');
    if (rest.length > 0 || left === 'A' || right === 'C') {
      return 'Write A/C with both of its components, for example A4/C5.';
    }
    const a = parsePart(left);
    if (typeof a === 'string') return a;
    const c = parsePart(right);
    if (typeof c === 'string') return c;
    if (a.family !== 'A' || c.family !== 'C')
      return `A/C is an A strategy then a C strategy, for example A4/C5 (not ${text}).`;
    if (a.from < PLUS_FROM || c.from < PLUS_FROM) {
      return `A/C alternates A+ (A3-A8) and C+ (C3-C8) strategies; ${partText(a.from < PLUS_FROM ? a : c)} is not one.`;
    }
    const combined = DMM_COMBINED['A/C'];
    const ages = [a, c].map((p) => usualFromOfPart(p));
    const usual = Math.max(DMM_PERIODS[combined.seenFrom].fromMonths, ...ages.map((x) => DMM_PERIODS[x].fromMonths));
    return {
      text: `${partText(a)}/${partText(c)}`,
      pattern: 'A/C',
      parts: [a, c],
      tier: combined.tier,
      usualFromMonths: usual,
      usualFrom: periodAt(usual, [combined.seenFrom, ...ages]),
      meaning: `${meaningOfPart(a)}, alternating with ${meaningOfPart(c)}`,
    };
  }
  const part = parsePart(text);
  if (typeof part === 'string') return part;
  const defs = numbers(part).map((n) => definitionOf(part.family, n));
  const tier = defs.reduce<DmmTierOrFlag>((t, d) => (TIER_ORDER[d.tier] > TIER_ORDER[t] ? d.tier : t), 'normative');
  const usualFrom = usualFromOfPart(part);
  return {
    text: partText(part),
    pattern: part.from === part.to ? 'single' : 'range',
    parts: [part],
    tier,
    usualFromMonths: DMM_PERIODS[usualFrom].fromMonths,
    usualFrom,
    meaning: meaningOfPart(part),
  };
}

function numbers(p: DmmPart): number[] {
  return Array.from({ length: p.to - p.from + 1 }, (_, i) => p.from + i);
}

/** The latest "seen from" period among a part's codes. */
function usualFromOfPart(p: DmmPart): DmmPeriod {
  return numbers(p)
    .map((n) => definitionOf(p.family, n).seenFrom)
    .reduce((latest, x) => (DMM_PERIODS[x].fromMonths > DMM_PERIODS[latest].fromMonths ? x : latest));
}

function periodAt(months: number, candidates: DmmPeriod[]): DmmPeriod {
  return candidates.find((c) => DMM_PERIODS[c].fromMonths === months) ?? 'any';
}

function meaningOfPart(p: DmmPart): string {
  const meanings = numbers(p).map((n) => definitionOf(p.family, n).meaning);
  // B4-5 is "balanced", not "balanced to balanced".
  return [...new Set(meanings)].join(' to ');
}

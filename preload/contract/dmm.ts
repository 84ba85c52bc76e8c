/**
 * The Dynamic-Maturational Model (DMM) of attachment as data: its procedures with their age
 * ranges, its classification codes with the age they are usually first seen and their risk tier,
 * its modifiers and the CARE-Index scales and bands. Everything a form, a service or a report
 * needs to know about the DMM is read from here, and the rules that use it are the pure
 * functions at the end, which the core and the renderer both call.
 *
 * Source: `shared/DOMAIN.md` (DMM sections). Facts that DOMAIN.md marks as uncertain (the
 * CARE-Index bands, the usual ages, the toddler child scales) are data in this file so that a
 * correction is one line here. Only names, codes and bands live here, never coding manuals.
 *
 * Ages are whole months throughout: the procedures begin in infancy, where years are too coarse.
 */

// ---------------------------------------------------------------------------------------------
// Procedures

export const DMM_PROCEDURE_CODES = ['ICI', 'TCI', 'PAA', 'SAA', 'TAAI', 'DMM-AAI', 'PI'] as const;
export type DmmProcedureCode = (typeof DMM_PROCEDURE_CODES)[number];

/** What a procedure yields: CARE-Index scales, or a DMM classification. */
export type DmmOutput = 'care-index' | 'classification';

/** Who, besides the person assessed, a procedure is about. */
export type DmmFigureRule =
  /** A child's procedure names the attachment figure the strategy is with (relationship-specific). */
  | 'attachment-figure'
  /** The Parents Interview is a parent speaking about one named child. */
  | 'named-child'
  /** The adult interviews classify a state of mind, not one relationship. */
  | 'none';

export interface DmmProcedure {
  code: DmmProcedureCode;
  label: string;
  /** The usual age range of the person assessed, in whole months, inclusive; `to` null = no upper limit. */
  ageMonths: { from: number; to: number | null };
  /** How the range reads on a form: "0-15 months". */
  ageLabel: string;
  output: DmmOutput;
  figure: DmmFigureRule;
  /** The modifiers a classification from this procedure may carry. */
  modifiers: readonly DmmModifierCode[];
  /** The CARE-Index child scales this procedure uses (CARE-Index only). */
  childScales?: 'infant' | 'toddler';
}

const YEARS = (y: number): number => y * 12;
/** The last month of an age in years: "to 12 years" includes 12 years and 11 months. */
const THROUGH = (y: number): number => y * 12 + 11;

/**
 * The procedures, in developmental order. Which modifiers each takes: DOMAIN.md says the
 * CARE-Index takes none and the SAA takes Ul/Utr, Dp and ina; the TAAI and DMM-AAI take the full
 * range. The PAA and the Parents Interview are listed with a class only, so they take none here.
 */
export const DMM_PROCEDURES: Record<DmmProcedureCode, DmmProcedure> = {
  ICI: {
    code: 'ICI',
    label: 'Infant CARE-Index',
    ageMonths: { from: 0, to: 15 },
    ageLabel: '0-15 months',
    output: 'care-index',
    figure: 'attachment-figure',
    modifiers: [],
    childScales: 'infant',
  },
  TCI: {
    code: 'TCI',
    label: 'Toddler CARE-Index',
    ageMonths: { from: 15, to: THROUGH(6) },
    ageLabel: '15 months - about 6 years',
    output: 'care-index',
    figure: 'attachment-figure',
    modifiers: [],
    childScales: 'toddler',
  },
  PAA: {
    code: 'PAA',
    label: 'Preschool Assessment of Attachment',
    ageMonths: { from: 18, to: THROUGH(5) },
    ageLabel: '18 months - 5 years',
    output: 'classification',
    figure: 'attachment-figure',
    modifiers: [],
  },
  SAA: {
    code: 'SAA',
    label: 'School-age Assessment of Attachment',
    ageMonths: { from: YEARS(5), to: THROUGH(12) },
    ageLabel: 'about 5-12 years',
    output: 'classification',
    figure: 'attachment-figure',
    modifiers: ['Ul', 'Utr', 'Dp', 'ina'],
  },
  TAAI: {
    code: 'TAAI',
    label: 'Transition to Adulthood Attachment Interview',
    ageMonths: { from: YEARS(16), to: THROUGH(25) },
    ageLabel: 'about 16-25 years',
    output: 'classification',
    figure: 'none',
    modifiers: ['Ul', 'Utr', 'Dp', 'DO', 'ina', 'ES', 'R'],
  },
  'DMM-AAI': {
    code: 'DMM-AAI',
    label: 'Adult Attachment Interview (DMM coding)',
    ageMonths: { from: YEARS(18), to: null },
    ageLabel: 'adults',
    output: 'classification',
    figure: 'none',
    modifiers: ['Ul', 'Utr', 'Dp', 'DO', 'ina', 'ES', 'R'],
  },
  PI: {
    code: 'PI',
    label: 'Parents Interview',
    ageMonths: { from: YEARS(16), to: null },
    ageLabel: 'a parent or carer',
    output: 'classification',
    figure: 'named-child',
    modifiers: [],
  },
};

/** "SAA (School-age Assessment of Attachment)". */
export function procedureLabel(code: DmmProcedureCode): string {
  return `${code} (${DMM_PROCEDURES[code].label})`;
}

// ---------------------------------------------------------------------------------------------
// Classification codes

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
  adolescence: { label: 'adolescence', fromMonths: YEARS(12) },
  adulthood: { label: 'adulthood', fromMonths: YEARS(18) },
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

// ---------------------------------------------------------------------------------------------
// Modifiers

export const DMM_MODIFIER_CODES = ['Ul', 'Utr', 'Dp', 'DO', 'ina', 'ES', 'R'] as const;
export type DmmModifierCode = (typeof DMM_MODIFIER_CODES)[number];

export interface DmmModifierDefinition {
  code: DmmModifierCode;
  label: string;
  /** Ul and Utr are recorded once per loss or trauma, each with what it was and its form. */
  perEvent: boolean;
  /** R names the strategy it is reorganising towards. */
  needsTarget: boolean;
}

export const DMM_MODIFIERS: Record<DmmModifierCode, DmmModifierDefinition> = {
  Ul: { code: 'Ul', label: 'Unresolved loss', perEvent: true, needsTarget: false },
  Utr: { code: 'Utr', label: 'Unresolved trauma', perEvent: true, needsTarget: false },
  Dp: { code: 'Dp', label: 'Depressed', perEvent: false, needsTarget: false },
  DO: { code: 'DO', label: 'Disoriented', perEvent: false, needsTarget: false },
  ina: { code: 'ina', label: 'Intrusions of forbidden negative affect', perEvent: false, needsTarget: false },
  ES: { code: 'ES', label: 'Expressed somatic symptoms', perEvent: false, needsTarget: false },
  R: { code: 'R', label: 'Reorganising', perEvent: false, needsTarget: true },
};

/**
 * The forms of non-resolution of a loss or trauma. The list grows (DOMAIN.md calls it
 * extensible): a new form is one more entry here; `other` takes a description meanwhile.
 */
export const NON_RESOLUTION_FORMS = {
  dismissed: 'dismissed',
  blocked: 'blocked',
  displaced: 'displaced',
  preoccupied: 'preoccupied',
  anticipated: 'anticipated',
  vicarious: 'vicarious',
  imagined: 'imagined',
  denied: 'denied',
  disorganised: 'disorganised',
  delusional_repair: 'delusional repair',
  hinted: 'hinted',
  other: 'other (described)',
} as const;
export type NonResolutionForm = keyof typeof NON_RESOLUTION_FORMS;
export const NON_RESOLUTION_FORM_KEYS = Object.keys(NON_RESOLUTION_FORMS) as [
  NonResolutionForm,
  ...NonResolutionForm[],
];

/** A modifier as a classification carries it (the zod schema is in `attachment.ts`). */
export interface DmmModifierEntry {
  code: DmmModifierCode;
  /** Ul / Utr: the figure lost or the event (required). */
  about?: string | null;
  /** Ul / Utr: the form(s) of non-resolution (at least one). */
  forms?: NonResolutionForm[];
  /** Ul / Utr with form `other`: what the form was. */
  otherForm?: string | null;
  /** R: the strategy it is reorganising towards (required). */
  target?: string | null;
}

/** "Utr (sexual abuse by a cousin, 2021: dismissed, blocked)", "R (towards B)", "Dp". */
export function modifierText(m: DmmModifierEntry): string {
  if (DMM_MODIFIERS[m.code].perEvent) {
    const forms = (m.forms ?? []).map((f) => (f === 'other' ? (m.otherForm ?? 'other') : NON_RESOLUTION_FORMS[f]));
    return `${m.code} (${m.about ?? ''}${forms.length > 0 ? `: ${forms.join(', ')}` : ''})`;
  }
  if (m.code === 'R') return `R (towards ${m.target ?? ''})`;
  return m.code;
}

/** Why a set of modifiers does not suit a procedure, or null when it does. */
export function modifiersProblem(procedure: DmmProcedureCode, modifiers: readonly DmmModifierEntry[]): string | null {
  const proc = DMM_PROCEDURES[procedure];
  for (const m of modifiers) {
    const def = DMM_MODIFIERS[m.code];
    if (!proc.modifiers.includes(m.code)) {
      const takes = proc.modifiers.length === 0 ? 'takes no modifiers' : `takes only ${proc.modifiers.join(', ')}`;
      return `The ${proc.label} ${takes}; ${m.code} (${def.label.toLowerCase()}) cannot be recorded on it.`;
    }
    if (def.perEvent) {
      if (!m.about?.trim()) return `Say which loss or trauma the ${m.code} is about (the figure or the event).`;
      if (!m.forms || m.forms.length === 0) return `Give the form of non-resolution of ${m.code} (${m.about}).`;
      if (m.forms.includes('other') && !m.otherForm?.trim())
        return `Describe the "other" form of non-resolution of ${m.code} (${m.about}).`;
    } else if (m.about || (m.forms && m.forms.length > 0)) {
      return `Only Ul and Utr are recorded per loss or trauma; ${m.code} takes no event.`;
    }
    if (def.needsTarget && !m.target?.trim()) return 'Say what strategy R (reorganising) is moving towards.';
  }
  const once = modifiers.filter((m) => !DMM_MODIFIERS[m.code].perEvent).map((m) => m.code);
  const twice = once.find((c, i) => once.indexOf(c) !== i);
  if (twice) return `${twice} is given twice; it is recorded once per classification.`;
  return null;
}

// ---------------------------------------------------------------------------------------------
// CARE-Index

export const CARE_INDEX_TOTAL = 14;
export const CARE_INDEX_MAX = 14;

export const ADULT_SCALES = [
  { key: 'sensitive', label: 'Sensitive' },
  { key: 'controlling', label: 'Controlling' },
  { key: 'unresponsive', label: 'Unresponsive' },
] as const;

/**
 * The child scales. The toddler variants split "difficult" into its threatening and disarming
 * forms of coercion (DOMAIN.md: "child scales adapted"); correct them here if the manual differs.
 */
export const CHILD_SCALES = {
  infant: [
    { key: 'cooperative', label: 'Cooperative' },
    { key: 'compulsive', label: 'Compulsive' },
    { key: 'difficult', label: 'Difficult' },
    { key: 'passive', label: 'Passive' },
  ],
  toddler: [
    { key: 'cooperative', label: 'Cooperative' },
    { key: 'compulsive', label: 'Compulsive' },
    { key: 'threateningly_coercive', label: 'Threateningly coercive' },
    { key: 'disarmingly_coercive', label: 'Disarmingly coercive' },
    { key: 'passive', label: 'Passive' },
  ],
} as const;

/** The sensitivity bands of the adult's sensitive scale, highest first, with their risk tier. */
export const SENSITIVITY_BANDS = [
  { from: 11, to: 14, label: 'sensitive', tier: 'normative' },
  { from: 7, to: 10, label: 'adequate', tier: 'normative' },
  { from: 5, to: 6, label: 'inept', tier: 'elevated' },
  { from: 0, to: 4, label: 'high risk', tier: 'high' },
] as const satisfies readonly { from: number; to: number; label: string; tier: DmmTier }[];

export type SensitivityBand = (typeof SENSITIVITY_BANDS)[number];

export function sensitivityBand(sensitive: number): SensitivityBand {
  return SENSITIVITY_BANDS.find((b) => sensitive >= b.from && sensitive <= b.to) ?? SENSITIVITY_BANDS[3];
}

/** The scale keys a CARE-Index procedure scores: adult, then child. */
export function careIndexScaleKeys(procedure: DmmProcedureCode): { adult: string[]; child: string[] } {
  const variant = DMM_PROCEDURES[procedure].childScales;
  if (!variant) return { adult: [], child: [] };
  return { adult: ADULT_SCALES.map((s) => s.key), child: CHILD_SCALES[variant].map((s) => s.key) };
}

/**
 * Why a CARE-Index score sheet does not hold together, or null. Each scale is a whole number
 * 0-14, every scale of the procedure is scored and no other, and each partner's scales sum to 14
 * (the message shows the sum).
 */
export function careIndexProblem(
  procedure: DmmProcedureCode,
  adult: Readonly<Record<string, number>>,
  child: Readonly<Record<string, number>>,
): string | null {
  const keys = careIndexScaleKeys(procedure);
  if (keys.adult.length === 0) return `The ${DMM_PROCEDURES[procedure].label} is not scored on CARE-Index scales.`;
  for (const [who, sheet, wanted] of [
    ['adult', adult, keys.adult],
    ['child', child, keys.child],
  ] as const) {
    const given = Object.keys(sheet);
    const extra = given.find((k) => !wanted.includes(k));
    if (extra) return `The ${DMM_PROCEDURES[procedure].label} has no ${who} scale "${extra}".`;
    const missing = wanted.find((k) => sheet[k] === undefined);
    if (missing) return `Score the ${who}'s ${missing.replace(/_/g, ' ')} scale.`;
    for (const k of wanted) {
      const v = sheet[k] as number;
      if (!Number.isInteger(v) || v < 0 || v > CARE_INDEX_MAX) {
        return `The ${who}'s ${k.replace(/_/g, ' ')} scale is a whole number from 0 to ${CARE_INDEX_MAX} (not ${v}).`;
      }
    }
    const sum = wanted.reduce((s, k) => s + (sheet[k] as number), 0);
    if (sum !== CARE_INDEX_TOTAL) {
      return `The ${who}'s scales must add up to ${CARE_INDEX_TOTAL}; they add up to ${sum}.`;
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Ages and warnings

/** Whole months between a date of birth and a date (ISO yyyy-mm-dd), or null when either is missing. */
export function ageInMonths(dateOfBirth: string | null, on: string | null): number | null {
  if (!dateOfBirth || !on) return null;
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return (oy - by) * 12 + (om - bm) - (od < bd ? 1 : 0);
}

/** "3 years 4 months", "11 months". */
export function ageText(months: number): string {
  const y = Math.floor(months / 12);
  const m = months % 12;
  const years = y === 1 ? '1 year' : `${y} years`;
  const mons = m === 1 ? '1 month' : `${m} months`;
  if (y === 0) return mons;
  return m === 0 ? years : `${years} ${mons}`;
}

/** A warning a coder may acknowledge: never a refusal. `key` is stable, for the acknowledgement. */
export interface DmmWarning {
  key: 'age-outside-procedure' | 'code-earlier-than-usual';
  message: string;
}

/**
 * What a coder should look at again before saving: the person's age outside the procedure's
 * range, or a code earlier than the age it is usually seen from. An unknown age gives none.
 */
export function dmmWarnings(
  procedure: DmmProcedureCode,
  ageMonths: number | null,
  classification: ParsedClassification | null,
): DmmWarning[] {
  if (ageMonths === null) return [];
  const proc = DMM_PROCEDURES[procedure];
  const warnings: DmmWarning[] = [];
  const { from, to } = proc.ageMonths;
  if (ageMonths < from || (to !== null && ageMonths > to)) {
    warnings.push({
      key: 'age-outside-procedure',
      message: `The person was ${ageText(ageMonths)} old; the ${proc.label} is for ${proc.ageLabel}.`,
    });
  }
  if (classification && ageMonths < classification.usualFromMonths) {
    warnings.push({
      key: 'code-earlier-than-usual',
      message: `${classification.text} is usually seen from ${DMM_PERIODS[classification.usualFrom].label}; the person was ${ageText(ageMonths)} old.`,
    });
  }
  return warnings;
}

/** Why a classification cannot be recorded on a procedure (CARE-Index takes none), or null. */
export function classificationProblem(procedure: DmmProcedureCode, text: string | null): string | null {
  const proc = DMM_PROCEDURES[procedure];
  if (proc.output === 'care-index') {
    return text ? `The ${proc.label} gives CARE-Index scales, not an A/B/C classification.` : null;
  }
  if (!text) return null;
  const parsed = parseClassification(text);
  return typeof parsed === 'string' ? parsed : null;
}

/**
 * The DMM's pure rules (`preload/contract/dmm.ts`), table-driven against an oracle written here
 * from DOMAIN.md (not read from dmm.ts, so a wrong row in the data fails): every procedure x
 * code family x age band is valid, warned or refused; CARE-Index sums and sensitivity bands;
 * which modifiers each procedure takes and what each needs; the second coder's agreement.
 */
import { describe, expect, it } from 'vitest';
import { secondCodingSchema } from '../../../../preload/contract/attachment';
import {
  DMM_MODIFIER_CODES,
  DMM_PROCEDURE_CODES,
  ageInMonths,
  careIndexProblem,
  classificationProblem,
  dmmWarnings,
  modifiersProblem,
  parseClassification,
  sensitivityBand,
  type DmmModifierCode,
  type DmmProcedureCode,
  type DmmModifierEntry,
} from '../../../../preload/contract/dmm';

const Y = (years: number, months = 0) => years * 12 + months;

/** DOMAIN.md: each procedure's usual ages in months (inclusive); null for no upper limit; CARE-Index codes nothing. */
const PROCEDURE_AGES: Record<DmmProcedureCode, { from: number; to: number | null; classifies: boolean }> = {
  ICI: { from: 0, to: 15, classifies: false },
  TCI: { from: 15, to: Y(6, 11), classifies: false },
  PAA: { from: 18, to: Y(5, 11), classifies: true },
  SAA: { from: Y(5), to: Y(12, 11), classifies: true },
  TAAI: { from: Y(16), to: Y(25, 11), classifies: true },
  'DMM-AAI': { from: Y(18), to: null, classifies: true },
  PI: { from: Y(16), to: null, classifies: true },
};

/** One code of each family and period, with the age it is usually seen from and its tier. */
const CODE_FAMILIES: { code: string; seenFrom: number; tier: string; meaning: string }[] = [
  { code: 'B3', seenFrom: 0, tier: 'normative', meaning: 'comfortably balanced' },
  { code: 'B4-5', seenFrom: 0, tier: 'normative', meaning: 'balanced' },
  { code: 'A1', seenFrom: 0, tier: 'normative', meaning: 'idealising' },
  { code: 'C2', seenFrom: 0, tier: 'normative', meaning: 'disarmingly desirous' },
  { code: 'A3', seenFrom: 18, tier: 'elevated', meaning: 'compulsive caregiving' },
  { code: 'C4', seenFrom: 18, tier: 'elevated', meaning: 'feigned helpless' },
  { code: 'A6', seenFrom: Y(12), tier: 'high', meaning: 'compulsively self-reliant' },
  { code: 'C5', seenFrom: Y(12), tier: 'high', meaning: 'punitive' },
  { code: 'A7', seenFrom: Y(18), tier: 'high', meaning: 'delusional idealisation' },
  { code: 'C8', seenFrom: Y(18), tier: 'high', meaning: 'paranoid' },
  { code: 'A3/C3', seenFrom: 18, tier: 'high', meaning: 'compulsive caregiving, alternating with aggressive' },
  {
    code: 'A4/C5',
    seenFrom: Y(12),
    tier: 'high',
    meaning: 'compulsive compliance / performance, alternating with punitive',
  },
  { code: 'AC', seenFrom: Y(12), tier: 'high', meaning: 'blended A+ and C+' },
  { code: 'IO', seenFrom: 0, tier: 'flag', meaning: 'insecure other' },
  { code: 'CC', seenFrom: 0, tier: 'flag', meaning: 'cannot classify' },
];

const AGE_BANDS = [
  { label: 'an infant', months: 6 },
  { label: 'a toddler', months: 20 },
  { label: 'a preschooler', months: Y(4) },
  { label: 'a school-age child', months: Y(9) },
  { label: 'a young adolescent', months: Y(13) },
  { label: 'an older adolescent', months: Y(17) },
  { label: 'an adult', months: Y(35) },
  { label: 'someone of unknown age', months: null },
] as const;

type Outcome = 'refused' | 'valid' | 'warned: age' | 'warned: code' | 'warned: age and code';

function expected(procedure: DmmProcedureCode, seenFrom: number, age: number | null): Outcome {
  const p = PROCEDURE_AGES[procedure];
  if (!p.classifies) return 'refused';
  if (age === null) return 'valid';
  const outside = age < p.from || (p.to !== null && age > p.to);
  const early = age < seenFrom;
  if (outside && early) return 'warned: age and code';
  if (outside) return 'warned: age';
  return early ? 'warned: code' : 'valid';
}

function actual(procedure: DmmProcedureCode, code: string, age: number | null): Outcome {
  if (classificationProblem(procedure, code)) return 'refused';
  const parsed = parseClassification(code);
  if (typeof parsed === 'string') throw new Error(parsed);
  const keys = dmmWarnings(procedure, age, parsed).map((w) => w.key);
  const age_ = keys.includes('age-outside-procedure');
  const code_ = keys.includes('code-earlier-than-usual');
  if (age_ && code_) return 'warned: age and code';
  if (age_) return 'warned: age';
  return code_ ? 'warned: code' : 'valid';
}

const grid = DMM_PROCEDURE_CODES.flatMap((procedure) =>
  CODE_FAMILIES.flatMap((family) =>
    AGE_BANDS.map((band) => ({
      procedure,
      code: family.code,
      who: band.label,
      months: band.months,
      outcome: expected(procedure, family.seenFrom, band.months),
    })),
  ),
);

describe('every procedure x code family x age band', () => {
  it('covers the whole grid', () => {
    expect(grid).toHaveLength(7 * CODE_FAMILIES.length * AGE_BANDS.length);
    // Every outcome occurs somewhere, so no branch of the rules goes untested.
    expect(new Set(grid.map((g) => g.outcome))).toEqual(
      new Set(['refused', 'valid', 'warned: age', 'warned: code', 'warned: age and code']),
    );
  });

  it.each(grid)('$procedure coded $code for $who: $outcome', ({ procedure, code, months, outcome }) => {
    expect(actual(procedure, code, months)).toBe(outcome);
  });

  it.each(CODE_FAMILIES)('$code means "$meaning" and is tiered $tier', ({ code, tier, meaning }) => {
    expect(parseClassification(code)).toMatchObject({ tier, meaning });
  });

  it('says the warning in words a coder can act on', () => {
    const parsed = parseClassification('A6');
    if (typeof parsed === 'string') throw new Error(parsed);
    expect(dmmWarnings('SAA', Y(9, 1), parsed).map((w) => w.message)).toEqual([
      'A6 is usually seen from adolescence; the person was 9 years 1 month old.',
    ]);
    expect(dmmWarnings('TAAI', Y(30), null).map((w) => w.message)).toEqual([
      'The person was 30 years old; the Transition to Adulthood Attachment Interview is for about 16-25 years.',
    ]);
  });
});

describe('classifications that are not DMM codes', () => {
  const refused: [string, RegExp][] = [
    ['', /Enter the classification/],
    ['B6', /There is no B6: the B codes run from B1 to B5/],
    ['D1', /"D1" is not a DMM code/],
    ['A9', /"A9" is not a DMM code/],
    ['B5-4', /A range runs upwards: write B4-5/],
    ['B4-4', /A range needs two codes/],
    ['A/C', /both of its components/],
    ['A2/C5', /A2 is not one/],
    ['C5/A4', /an A strategy then a C strategy/],
    ['A4/C5/A6', /both of its components/],
  ];
  it.each(refused)('refuses "%s", saying why', (text, message) => {
    const parsed = parseClassification(text);
    expect(typeof parsed === 'string' ? parsed : 'parsed').toMatch(message);
  });

  it('forgives spaces and case, and writes the canonical form', () => {
    expect(parseClassification(' a4 / c5 ')).toMatchObject({ text: 'A4/C5', pattern: 'A/C' });
    expect(parseClassification('b4-5')).toMatchObject({ text: 'B4-5', pattern: 'range' });
  });

  it('refuses any classification on a CARE-Index, and takes none there', () => {
    expect(classificationProblem('ICI', 'B3')).toMatch(/gives CARE-Index scales, not an A\/B\/C classification/);
    expect(classificationProblem('TCI', null)).toBeNull();
  });
});

describe('CARE-Index sums and bands', () => {
  const adult = { sensitive: 9, controlling: 3, unresponsive: 2 };
  const infant = { cooperative: 8, compulsive: 2, difficult: 2, passive: 2 };
  const toddler = { cooperative: 6, compulsive: 2, threateningly_coercive: 2, disarmingly_coercive: 2, passive: 2 };
  const sheets: [string, DmmProcedureCode, Record<string, number>, Record<string, number>, RegExp | null][] = [
    ['an ICI summing to 14 each', 'ICI', adult, infant, null],
    ['a TCI with the toddler scales', 'TCI', adult, toddler, null],
    [
      'an adult sheet summing to 15',
      'ICI',
      { ...adult, unresponsive: 3 },
      infant,
      /adult's scales must add up to 14; they add up to 15/,
    ],
    [
      'a child sheet summing to 13',
      'ICI',
      adult,
      { ...infant, passive: 1 },
      /child's scales must add up to 14; they add up to 13/,
    ],
    ['a missing scale', 'ICI', { sensitive: 11, controlling: 3 }, infant, /Score the adult's unresponsive scale/],
    ['the infant scales on a TCI', 'TCI', adult, infant, /has no child scale "difficult"/],
    ['the toddler scales on an ICI', 'ICI', adult, toddler, /has no child scale "threateningly_coercive"/],
    [
      'a score over 14',
      'ICI',
      { sensitive: 15, controlling: -1, unresponsive: 0 },
      infant,
      /whole number from 0 to 14 \(not 15\)/,
    ],
    [
      'a fractional score',
      'ICI',
      { sensitive: 8.5, controlling: 3.5, unresponsive: 2 },
      infant,
      /whole number from 0 to 14 \(not 8.5\)/,
    ],
    ['a sheet on an SAA', 'SAA', adult, infant, /not scored on CARE-Index scales/],
  ];
  it.each(sheets)('%s', (_what, procedure, a, c, problem) => {
    const found = careIndexProblem(procedure, a, c);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeNull();
  });

  const bands: [number, string, string][] = [
    [14, 'sensitive', 'normative'],
    [11, 'sensitive', 'normative'],
    [10, 'adequate', 'normative'],
    [7, 'adequate', 'normative'],
    [6, 'inept', 'elevated'],
    [5, 'inept', 'elevated'],
    [4, 'high risk', 'high'],
    [0, 'high risk', 'high'],
  ];
  it.each(bands)('a sensitive score of %i is %s (%s)', (score, label, tier) => {
    expect(sensitivityBand(score)).toMatchObject({ label, tier });
  });
});

describe('modifiers per procedure', () => {
  /** DOMAIN.md: CARE-Index none; SAA Ul/Utr, Dp, ina; TAAI and DMM-AAI the full range; PAA and PI listed with a class only. */
  const TAKES: Record<DmmProcedureCode, readonly DmmModifierCode[]> = {
    ICI: [],
    TCI: [],
    PAA: [],
    SAA: ['Ul', 'Utr', 'Dp', 'ina'],
    TAAI: DMM_MODIFIER_CODES,
    'DMM-AAI': DMM_MODIFIER_CODES,
    PI: [],
  };
  const complete = (code: DmmModifierCode): DmmModifierEntry =>
    code === 'Ul' || code === 'Utr'
      ? { code, about: 'her father, 2019', forms: ['blocked'] }
      : code === 'R'
        ? { code, target: 'B' }
        : { code };
  const cells = DMM_PROCEDURE_CODES.flatMap((procedure) =>
    DMM_MODIFIER_CODES.map((code) => ({ procedure, code, takes: TAKES[procedure].includes(code) })),
  );
  it.each(cells)('$procedure takes $code: $takes', ({ procedure, code, takes }) => {
    const problem = modifiersProblem(procedure, [complete(code)]);
    if (takes) expect(problem).toBeNull();
    else expect(problem).toMatch(new RegExp(`${code} \\(.*\\) cannot be recorded on it`));
  });

  const incomplete: [string, DmmModifierEntry[], RegExp | null][] = [
    ['Ul without what was lost', [{ code: 'Ul', forms: ['blocked'] }], /Say which loss or trauma the Ul is about/],
    [
      'Utr without its form',
      [{ code: 'Utr', about: 'an assault' }],
      /Give the form of non-resolution of Utr \(an assault\)/,
    ],
    [
      'an "other" form undescribed',
      [{ code: 'Utr', about: 'an assault', forms: ['other'] }],
      /Describe the "other" form/,
    ],
    ['an "other" form described', [{ code: 'Utr', about: 'an assault', forms: ['other'], otherForm: 'frozen' }], null],
    ['two losses, each with its form', [complete('Ul'), { code: 'Ul', about: 'her dog', forms: ['dismissed'] }], null],
    ['R without its target', [{ code: 'R' }], /what strategy R \(reorganising\) is moving towards/],
    ['Dp with an event', [{ code: 'Dp', about: 'a loss' }], /Dp takes no event/],
    ['Dp twice', [{ code: 'Dp' }, { code: 'Dp' }], /Dp is given twice/],
  ];
  it.each(incomplete)('DMM-AAI with %s', (_what, modifiers, problem) => {
    const found = modifiersProblem('DMM-AAI', modifiers);
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeNull();
  });
});

describe('the second coder', () => {
  const cases: [string, unknown, boolean][] = [
    ['agreed', { coderName: 'Dr Ian Second', agreement: 'agreed' }, true],
    ['not yet compared', { coderName: 'Dr Ian Second' }, true],
    [
      'disagreed with the resolution',
      { coderName: 'Dr Ian Second', agreement: 'disagreed', resolution: 'Agreed A4.' },
      true,
    ],
    ['disagreed without the resolution', { coderName: 'Dr Ian Second', agreement: 'disagreed' }, false],
    ['without a name', { coderName: ' ', agreement: 'agreed' }, false],
    ['with an agreement not on the list', { coderName: 'Dr Ian Second', agreement: 'partly' }, false],
  ];
  it.each(cases)('%s', (_what, input, valid) => {
    const result = secondCodingSchema.safeParse(input);
    expect(result.success).toBe(valid);
    if (!valid && _what === 'disagreed without the resolution') {
      expect(result.error?.issues[0]?.message).toBe('Say how the coders’ disagreement was resolved.');
    }
  });
});

describe('age in months', () => {
  const ages: [string, string, number][] = [
    ['2012-05-01', '2012-05-01', 0],
    ['2012-05-15', '2012-06-14', 0],
    ['2012-05-15', '2012-06-15', 1],
    ['2012-05-01', '2022-09-14', Y(10, 4)],
    ['2012-02-29', '2013-02-28', 11],
  ];
  it.each(ages)('born %s, on %s: %i months', (dob, on, months) => {
    expect(ageInMonths(dob, on)).toBe(months);
  });
  it('is unknown without a date of birth', () => {
    expect(ageInMonths(null, '2022-01-01')).toBeNull();
  });
});

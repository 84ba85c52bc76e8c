/**
 * The CARE-Index: the adult and child scales (each partner's summing to 14) and the sensitivity
 * bands with their risk tier. Part of the DMM data (`dmm.ts`).
 */
import type { DmmTier } from './dmm-codes';
import { DMM_PROCEDURES, type DmmProcedureCode } from './dmm-procedures';

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

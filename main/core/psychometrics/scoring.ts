/**
 * Scoring an administration against the scales it was given with: which scores are valid, the
 * band of each, and the headline the chronology shows. Pure, so the rules are tested without a
 * vault.
 */
import { bandFor, formatScore, scoreProblem, type ScaleDefinition } from '../../../preload/contract/psychometric-bands';
import type { ScoredScale } from '../../../preload/contract/psychometrics';
import { AppError } from '../errors';

export interface ScoreEntry {
  scaleKey: string;
  score: number | null;
}

/**
 * The scores in the instrument's scale order, every one checked: a key the instrument does not
 * have, a scale given twice, no score at all, or a score out of range (the message gives the
 * range) is refused with INVALID_INPUT. Scales not given are stored as not scored.
 */
export function checkScores(scales: readonly ScaleDefinition[], entries: readonly ScoreEntry[]): ScoreEntry[] {
  const given = new Map<string, number | null>();
  for (const e of entries) {
    if (!scales.some((s) => s.key === e.scaleKey)) {
      throw new AppError(
        'INVALID_INPUT',
        `This instrument has no scale “${e.scaleKey}”. Reload the form and try again.`,
      );
    }
    if (given.has(e.scaleKey)) throw new AppError('INVALID_INPUT', `The scale “${e.scaleKey}” was given twice.`);
    given.set(e.scaleKey, e.score);
  }
  const out = scales.map((s) => ({ scaleKey: s.key, score: given.get(s.key) ?? null }));
  if (out.every((e) => e.score === null)) throw new AppError('INVALID_INPUT', 'Enter at least one score.');
  for (const e of out) {
    const scale = scales.find((s) => s.key === e.scaleKey) as ScaleDefinition;
    const problem = e.score === null ? null : scoreProblem(scale, e.score);
    if (problem) throw new AppError('INVALID_INPUT', problem);
  }
  return out;
}

/** Each scale with its score and the band it falls in (from these scales' own bands). */
export function scoreScales(scales: readonly ScaleDefinition[], entries: readonly ScoreEntry[]): ScoredScale[] {
  return scales.map((scale) => {
    const score = entries.find((e) => e.scaleKey === scale.key)?.score ?? null;
    const band = score === null ? null : bandFor(scale, score);
    return {
      scaleKey: scale.key,
      scaleName: scale.name,
      min: scale.min,
      max: scale.max,
      score,
      band,
      bandIndex: band ? scale.bands.indexOf(band) : null,
      bandCount: scale.bands.length,
    };
  });
}

/** "Total difficulties" reads "total difficulties" mid-sentence; "RCADS" and "T-score" stay. */
function midSentence(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/**
 * The headline: the first scored scale in the instrument's order (the first scale is the
 * instrument's headline score), e.g. "total difficulties 18, slightly raised".
 */
export function headline(scored: readonly ScoredScale[]): string {
  const first = scored.find((s) => s.score !== null);
  if (!first || first.score === null) return 'not scored';
  const band = first.band ? `, ${first.band.label}` : '';
  return `${midSentence(first.scaleName)} ${formatScore(first.score)}${band}`;
}

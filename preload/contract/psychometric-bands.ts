/**
 * The scoring rules of the psychometrics catalogue, shared by the core (which enforces them) and
 * the renderer (which shows the band as a score is typed): a scale's range, its clinical bands,
 * and which band a score falls in. Pure functions, no I/O.
 *
 * How bands meet. Each band runs from `from` to `to`. On an integer scale the next band starts
 * one point after the last ends (0-13, 14-16 ...). On a scale that allows decimals the next band
 * starts where the last ends, and a score exactly on that boundary belongs to the higher band:
 * that is how published cut-offs read ("65 or more is borderline"). Bands are in order, never
 * overlap and, when a scale has any, cover its whole range, so every valid score has exactly one.
 * A scale may have no bands yet (the cut-offs are not in the public record for this respondent):
 * its scores are then recorded without one.
 */

export interface ScoreBand {
  from: number;
  to: number;
  /** As the instrument's scoring guide names it, e.g. "slightly raised". */
  label: string;
}

export interface ScaleDefinition {
  /** Stable within the instrument: lower-case letters, digits and dashes (e.g. `total`). */
  key: string;
  /** e.g. "Total difficulties". */
  name: string;
  min: number;
  max: number;
  /** Whole numbers only (most questionnaires); false for e.g. ORS marks read to one decimal. */
  integer: boolean;
  bands: ScoreBand[];
}

/** A number as the screen and messages write it: up to two decimals, no trailing zeros. */
export function formatScore(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100);
}

/** Why a scale's range and bands are not usable, or null. Messages name the scale. */
export function scaleProblem(scale: ScaleDefinition): string | null {
  const name = scale.name.trim() || 'A scale';
  if (!Number.isFinite(scale.min) || !Number.isFinite(scale.max)) return `${name}: the range must be numbers.`;
  if (scale.min >= scale.max) {
    return `${name}: the lowest score (${formatScore(scale.min)}) must be below the highest (${formatScore(scale.max)}).`;
  }
  if (scale.integer && (!Number.isInteger(scale.min) || !Number.isInteger(scale.max))) {
    return `${name}: a whole-number scale needs a whole-number range.`;
  }
  const bands = scale.bands;
  if (bands.length === 0) return null;
  for (const b of bands) {
    const label = b.label.trim();
    if (!label) return `${name}: every band needs a label.`;
    if (scale.integer && (!Number.isInteger(b.from) || !Number.isInteger(b.to))) {
      return `${name}: band “${label}” must start and end on whole numbers, as the scale is whole numbers only.`;
    }
    if (b.from > b.to || (!scale.integer && b.from === b.to)) {
      return `${name}: band “${label}” ends (${formatScore(b.to)}) before it starts (${formatScore(b.from)}).`;
    }
  }
  const labels = new Set(bands.map((b) => b.label.trim().toLowerCase()));
  if (labels.size !== bands.length) return `${name}: two bands have the same label.`;
  const first = bands[0] as ScoreBand;
  const last = bands[bands.length - 1] as ScoreBand;
  if (first.from !== scale.min) {
    return `${name}: the first band must start at the lowest score, ${formatScore(scale.min)} (it starts at ${formatScore(first.from)}).`;
  }
  if (last.to !== scale.max) {
    return `${name}: the last band must end at the highest score, ${formatScore(scale.max)} (it ends at ${formatScore(last.to)}).`;
  }
  for (let i = 1; i < bands.length; i++) {
    const prev = bands[i - 1] as ScoreBand;
    const next = bands[i] as ScoreBand;
    const expected = scale.integer ? prev.to + 1 : prev.to;
    if (next.from < expected) {
      return `${name}: bands “${prev.label.trim()}” and “${next.label.trim()}” overlap, or are out of order. “${next.label.trim()}” should start at ${formatScore(expected)}.`;
    }
    if (next.from > expected) {
      return `${name}: there is a gap between “${prev.label.trim()}” and “${next.label.trim()}”. “${next.label.trim()}” should start at ${formatScore(expected)}.`;
    }
  }
  return null;
}

/** Why a score cannot be recorded on this scale, or null. The message gives the range. */
export function scoreProblem(scale: ScaleDefinition, score: number): string | null {
  const range = `${formatScore(scale.min)} to ${formatScore(scale.max)}`;
  if (!Number.isFinite(score)) return `${scale.name}: enter a number from ${range}.`;
  if (score < scale.min || score > scale.max) {
    return `${scale.name}: ${formatScore(score)} is outside the scale’s range of ${range}.`;
  }
  if (scale.integer && !Number.isInteger(score)) {
    return `${scale.name}: scores are whole numbers (${range}); ${formatScore(score)} is not.`;
  }
  return null;
}

/**
 * The band a valid score falls in, or null when the scale has no bands. Bands are assumed valid
 * (`scaleProblem` is null); a boundary score on a decimal scale goes to the higher band.
 */
export function bandFor(scale: ScaleDefinition, score: number): ScoreBand | null {
  for (let i = scale.bands.length - 1; i >= 0; i--) {
    const band = scale.bands[i] as ScoreBand;
    if (score >= band.from && score <= band.to) return band;
  }
  return null;
}

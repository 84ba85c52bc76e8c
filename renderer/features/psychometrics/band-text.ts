/**
 * How a band is written beside a score: its label and where it sits ("high, band 3 of 4"), so the
 * reading never depends on colour. Shared by the tab's list and the form's live preview.
 */
import { bandFor, formatScore, scoreProblem, type ScaleDefinition } from '../../../preload/contract/psychometric-bands';

export function bandPosition(index: number, count: number): string {
  return `band ${index + 1} of ${count}`;
}

/** The form's line under a score field: the band it falls in, or why it cannot be recorded. */
export function previewBand(scale: ScaleDefinition, text: string): { band: string | null; problem: string | null } {
  const range = `${formatScore(scale.min)} to ${formatScore(scale.max)}`;
  const trimmed = text.trim();
  if (!trimmed) return { band: null, problem: null };
  const score = Number(trimmed.replace(',', '.'));
  if (!/^-?\d+([.,]\d+)?$/.test(trimmed) || !Number.isFinite(score)) {
    return { band: null, problem: `${scale.name}: enter a number from ${range}.` };
  }
  const problem = scoreProblem(scale, score);
  if (problem) return { band: null, problem };
  if (scale.bands.length === 0) return { band: 'No bands are set for this scale yet.', problem: null };
  const band = bandFor(scale, score);
  return {
    band: band ? `Band: ${band.label} (${bandPosition(scale.bands.indexOf(band), scale.bands.length)}).` : null,
    problem: null,
  };
}

/** The score typed, as a number, or null when left blank. Call after `previewBand` found no problem. */
export function parseScore(text: string): number | null {
  const trimmed = text.trim();
  return trimmed ? Number(trimmed.replace(',', '.')) : null;
}

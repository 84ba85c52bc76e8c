/**
 * The catalogue editor's working copy of an instrument: numbers kept as the text typed, so a
 * half-typed "4." is not lost, and turned into the contract's input (with the same checks the
 * core makes) only when saved.
 */
import type { InstrumentInput, InstrumentView, RespondentType } from '../../../preload/contract';
import { scaleProblem, type ScaleDefinition } from '../../../preload/contract/psychometric-bands';

export interface DraftBand {
  from: string;
  to: string;
  label: string;
}

export interface DraftScale {
  /** Kept for an existing scale (past administrations name it); made from the name for a new one. */
  key: string | null;
  name: string;
  min: string;
  max: string;
  integer: boolean;
  bands: DraftBand[];
}

export interface DraftInstrument {
  name: string;
  respondent: RespondentType;
  version: string;
  scales: DraftScale[];
}

const text = (n: number) => String(n);

export function draftOf(i: InstrumentView): DraftInstrument {
  return {
    name: i.name,
    respondent: i.respondent,
    version: i.version,
    scales: i.scales.map((s) => ({
      key: s.key,
      name: s.name,
      min: text(s.min),
      max: text(s.max),
      integer: s.integer,
      bands: s.bands.map((b) => ({ from: text(b.from), to: text(b.to), label: b.label })),
    })),
  };
}

export function emptyScale(): DraftScale {
  return { key: null, name: '', min: '0', max: '10', integer: true, bands: [] };
}

export function emptyDraft(): DraftInstrument {
  return { name: '', respondent: 'young_person', version: '', scales: [emptyScale()] };
}

/** Where a new band starts: just after the last one (or at the scale's lowest score). */
export function nextBand(scale: DraftScale): DraftBand {
  const last = scale.bands.at(-1);
  const lastTo = last ? Number(last.to) : NaN;
  const from = Number.isFinite(lastTo) ? (scale.integer ? lastTo + 1 : lastTo) : Number(scale.min);
  return { from: Number.isFinite(from) ? text(from) : '', to: scale.max, label: '' };
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'scale'
  );
}

function num(value: string): number {
  const t = value.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/**
 * The contract's input, or the problem of each scale (by index) and of the entry as a whole.
 * Scale problems are worded as the core words them (the same function).
 */
export function toInput(
  d: DraftInstrument,
):
  | { input: InstrumentInput; problems: null }
  | { input: null; problems: { name: string | null; scales: (string | null)[] } } {
  const used = new Set(d.scales.map((s) => s.key).filter((k): k is string => k !== null));
  const scales: ScaleDefinition[] = d.scales.map((s) => {
    let key = s.key;
    if (!key) {
      const base = slug(s.name);
      key = base;
      for (let n = 2; used.has(key); n++) key = `${base.slice(0, 36)}-${n}`;
      used.add(key);
    }
    return {
      key,
      name: s.name.trim(),
      min: num(s.min),
      max: num(s.max),
      integer: s.integer,
      bands: s.bands.map((b) => ({ from: num(b.from), to: num(b.to), label: b.label.trim() })),
    };
  });
  const scaleProblems = scales.map((s) => {
    if (!s.name) return 'Give the scale a name.';
    if (s.bands.some((b) => Number.isNaN(b.from) || Number.isNaN(b.to)))
      return `${s.name}: every band needs a number in From and To.`;
    return scaleProblem(s);
  });
  const nameProblem = d.name.trim() ? null : 'Give the instrument a name.';
  if (nameProblem || scaleProblems.some(Boolean))
    return { input: null, problems: { name: nameProblem, scales: scaleProblems } };
  return {
    input: { name: d.name.trim(), respondent: d.respondent, version: d.version.trim(), scales },
    problems: null,
  };
}

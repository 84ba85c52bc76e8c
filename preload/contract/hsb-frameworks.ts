/**
 * The UK practice frameworks an assessment uses to describe a harmful sexual behaviour: the
 * Hackett continuum and the Brook Sexual Behaviours Traffic Light Tool. Only names, bands and
 * colours live here (the Brook tool's example lists are licensed and are never stored).
 *
 * The Brook tool is versioned: each version has its own age bands and its own colours, so a
 * behaviour records the version it was rated with and is checked against that version's table.
 * A new version is one more entry in {@link BROOK_VERSIONS}; nothing else changes.
 */

/** Hackett's continuum, least to most concerning. Problematic and above are HSB. */
export const HACKETT_LEVELS = ['normal', 'inappropriate', 'problematic', 'abusive', 'violent'] as const;
export type HackettLevel = (typeof HACKETT_LEVELS)[number];

export const HACKETT_LABELS: Record<HackettLevel, string> = {
  normal: 'Normal',
  inappropriate: 'Inappropriate',
  problematic: 'Problematic',
  abusive: 'Abusive',
  violent: 'Violent',
};

/** Whether a continuum level counts as harmful sexual behaviour (problematic and above). */
export function isHarmfulLevel(level: HackettLevel): boolean {
  return HACKETT_LEVELS.indexOf(level) >= HACKETT_LEVELS.indexOf('problematic');
}

export const BROOK_COLOURS = ['green', 'amber', 'orange', 'red'] as const;
export type BrookColour = (typeof BROOK_COLOURS)[number];

export interface BrookVersion {
  /** Shown in the picker and the report. */
  label: string;
  /** Age bands in years, youngest first, as the tool names them. */
  bands: readonly string[];
  /** The colours of this version, least to most concerning. */
  colours: readonly BrookColour[];
}

/**
 * The tool's versions. 2012: green / amber / red over four bands to 17. 2020 revision: green /
 * orange / red over five bands to 18; its exact band boundaries are not confirmed from a primary
 * source (DOMAIN.md), so they are data here, to be corrected in this one place.
 */
export const BROOK_VERSIONS = {
  '2012': {
    label: 'Brook Traffic Light Tool (2012)',
    bands: ['0-5', '5-9', '9-13', '13-17'],
    colours: ['green', 'amber', 'red'],
  },
  '2020': {
    label: 'Brook Traffic Light Tool (2020 revision)',
    bands: ['0-2', '3-5', '6-9', '10-13', '14-18'],
    colours: ['green', 'orange', 'red'],
  },
} as const satisfies Record<string, BrookVersion>;

export type BrookVersionId = keyof typeof BROOK_VERSIONS;
export const BROOK_VERSION_IDS = Object.keys(BROOK_VERSIONS) as [BrookVersionId, ...BrookVersionId[]];

export const BROOK_COLOUR_LABELS: Record<BrookColour, string> = {
  green: 'Green',
  amber: 'Amber',
  orange: 'Orange',
  red: 'Red',
};

/**
 * Why a Brook rating does not fit its version (UK English, for the form), or null when it does.
 * All three parts are given together or not at all.
 */
export function brookProblem(version: string | null, band: string | null, colour: string | null): string | null {
  if (version === null && band === null && colour === null) return null;
  if (version === null || band === null || colour === null) {
    return 'Give the Brook tool’s version, age band and colour together, or none of them.';
  }
  const def: BrookVersion | undefined = (BROOK_VERSIONS as Record<string, BrookVersion>)[version];
  if (!def) return `There is no Brook tool version ${version}. Choose ${BROOK_VERSION_IDS.join(' or ')}.`;
  if (!def.bands.includes(band)) {
    return `The ${version} Brook tool has no age band ${band}. Its bands are ${def.bands.join(', ')}.`;
  }
  if (!(def.colours as readonly string[]).includes(colour)) {
    return `The ${version} Brook tool does not use ${colour}. Its colours are ${def.colours.join(', ')}.`;
  }
  return null;
}

/**
 * The age band of a version that an age (whole years) falls in, for a form's first choice. The
 * 2012 bands share their ends (5-9, 9-13): an age at a shared end goes to the older band, as
 * the tool's own bands begin there. Older than the last band: the last.
 */
export function brookBandFor(version: BrookVersionId, age: number): string {
  const bands: readonly string[] = BROOK_VERSIONS[version].bands;
  const found = [...bands].reverse().find((b) => age >= Number(b.split('-')[0]));
  return found ?? bands[0] ?? '';
}

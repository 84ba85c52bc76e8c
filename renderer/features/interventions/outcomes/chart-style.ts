/**
 * The colours and shapes the outcome charts draw with. recharts writes them as SVG attributes,
 * which do not read the design tokens, so the values are the tokens' own (tokens.css). Every
 * series also differs by its dash and marker, so a chart never depends on colour alone.
 */

/** --blue: the line of a goal's ratings and the first series of a measure. */
export const LINE_COLOUR = '#005eb8';
/** --grey-dark: axes, grid labels and the reliable-change guides. */
export const AXIS_COLOUR = '#4c6272';
/** --grey-line: the grid. */
export const GRID_COLOUR = '#d8dde0';

/** One series of a chart with several (the scales of a questionnaire). */
export interface SeriesStyle {
  colour: string;
  /** SVG `stroke-dasharray`; an empty string is a solid line. */
  dash: string;
  /** The marker at each point, named in the key under the chart. */
  marker: 'circle' | 'square' | 'diamond' | 'triangle';
}

/** Contrast 4.5:1 or more on white each, and a different dash and marker for each. */
export const SERIES_STYLES: readonly SeriesStyle[] = [
  { colour: '#005eb8', dash: '', marker: 'circle' },
  { colour: '#8a1822', dash: '6 3', marker: 'square' },
  { colour: '#006747', dash: '2 3', marker: 'diamond' },
  { colour: '#330072', dash: '10 3 2 3', marker: 'triangle' },
  { colour: '#7a4100', dash: '1 2', marker: 'circle' },
  { colour: '#3d4b55', dash: '12 4', marker: 'square' },
];

/** The style of the nth series (wrapping round after the last). */
export function seriesStyle(n: number): SeriesStyle {
  return SERIES_STYLES[n % SERIES_STYLES.length] as SeriesStyle;
}

/** The marker's name in words, for the key under a chart. */
export const MARKER_WORDS: Record<SeriesStyle['marker'], string> = {
  circle: 'circles',
  square: 'squares',
  diamond: 'diamonds',
  triangle: 'triangles',
};

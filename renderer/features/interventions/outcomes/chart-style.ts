/**
 * The colours and shapes the outcome charts draw with. recharts writes them as SVG attributes,
 * which do not read the design tokens, so the values are the tokens' own (tokens.css). What a
 * colour shows is also shown by a shape or written out, so a chart never depends on colour alone.
 */

/** --blue: the line of a goal's ratings or a questionnaire's scores. */
export const LINE_COLOUR = '#005eb8';
/** --grey-dark: axes, grid labels and the reliable-change guides. */
export const AXIS_COLOUR = '#4c6272';
/** --grey-line: the grid. */
export const GRID_COLOUR = '#d8dde0';
/** --black: the figure written above each point. */
export const LABEL_COLOUR = '#0b0c0c';

/** A point's marker: the first rating, a rating, a reliable change. */
export type MarkerShape = 'square' | 'circle' | 'diamond';

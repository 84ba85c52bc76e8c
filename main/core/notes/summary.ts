/** Cutting a chronology summary to a readable length without breaking a word. */

/** The longest summary the chronology shows, in characters (the ellipsis included). */
export const SUMMARY_MAX = 200;

/**
 * A summary on one line and at most `max` characters: runs of white space (line breaks in a
 * note) become one space, and a longer text is cut at the last word boundary that fits, with a
 * single-character ellipsis ("…") saying that more follows. Only a single word longer than half
 * the length (a pasted link) is cut inside itself.
 */
export function clipSummary(text: string, max = SUMMARY_MAX): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  // A space at index i ends a word and leaves i characters, plus one for the ellipsis.
  const boundary = flat.lastIndexOf(' ', max - 1);
  const cut = boundary >= max / 2 ? flat.slice(0, boundary) : flat.slice(0, max - 1);
  return `${cut.replace(/[\s,;:.–-]+$/, '')}…`;
}

/**
 * Counting words in UK English: "1 document", "2 documents", "no documents". The one helper
 * every screen and the CLI use, so that no count reads "1 documents". It lives beside the
 * contract because that folder is the one place both the renderer and the main process import.
 */

/**
 * `count` and the noun in the right number. The plural defaults to the singular plus "s";
 * pass it for irregular nouns ("entry" / "entries", "person" / "people"). The count is
 * written with thousands separators (12,480).
 */
export function countOf(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? singular : plural}`;
}

/** The noun alone in the right number for `count`, for sentences that place the figure elsewhere. */
export function nounFor(count: number, singular: string, plural = `${singular}s`): string {
  return count === 1 ? singular : plural;
}

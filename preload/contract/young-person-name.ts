/**
 * How a young person is named in lists, search results, tasks and reports. Pure, so the core
 * and the renderer can name them the same way.
 */

/** The full name, or the initials alone on consultation-only cases held without a name. */
export function displayName(given: string | null, family: string | null, initials: string): string {
  const name = [given, family].filter(Boolean).join(' ');
  return name || initials;
}

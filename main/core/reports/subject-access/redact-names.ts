/**
 * Redacting the names of people the requester has no right to see (third parties on the case,
 * other families of a Safe Home group) from the text of the items that are released.
 *
 * A name is matched as a whole word, in any case, with its possessive ("Poppy's", "Poppy’s"):
 * the full name first, then each of its parts, so "Poppy" alone is caught as well as "Poppy
 * Ashworth". A part the requester's own family shares (the surname "Ashworth" of a sibling) is
 * not redacted on its own, or the young person's own name would vanish from their own record;
 * the full name still is. Pure, so the rules are tested without a vault.
 */

/** A person whose name is redacted, and why (the reviewer's log says which). */
export interface RedactedName {
  name: string;
  why: string;
  /**
   * The words matched on their own, when not every word of `name` is a name: a victim field
   * ("Poppy, his younger sister") gives only its capitalised words. Default: every part.
   */
  parts?: readonly string[];
}

/** What the requester's copy shows in place of a name. */
export const NAME_REDACTED = '[name redacted]';

interface NamePattern {
  person: RedactedName;
  pattern: RegExp;
}

/** Letters and digits of any script: what a name may not run on into. */
const WORD = '[\\p{L}\\p{N}]';

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words of a name ("Mary-Jane O'Neill" -> "Mary-Jane", "O'Neill"), 2 letters or more. */
export function nameParts(name: string): string[] {
  return name
    .split(/\s+/)
    .map((p) => p.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((p) => [...p].length >= 2);
}

function patternFor(words: string): RegExp {
  const body = words.split(/\s+/).map(escape).join('\\s+');
  return new RegExp(`(?<!${WORD})${body}(?:['’]s)?(?!${WORD})`, 'giu');
}

/**
 * The patterns for `people`, longest first, leaving out the parts in `keep` (the requester's
 * family's own name parts, compared without regard to case).
 */
export function namePatterns(people: readonly RedactedName[], keep: readonly string[]): NamePattern[] {
  const kept = new Set(keep.flatMap(nameParts).map((p) => p.toLocaleLowerCase('en-GB')));
  const seen = new Set<string>();
  const patterns: { words: string; person: RedactedName }[] = [];
  const add = (words: string, person: RedactedName) => {
    const key = words.toLocaleLowerCase('en-GB');
    if (seen.has(key)) return;
    seen.add(key);
    patterns.push({ words, person });
  };
  for (const person of people) {
    const full = person.name.trim();
    if (full) add(full, person);
  }
  for (const person of people) {
    for (const part of person.parts ?? nameParts(person.name))
      if (!kept.has(part.toLocaleLowerCase('en-GB'))) add(part, person);
  }
  return patterns
    .sort((a, b) => b.words.length - a.words.length)
    .map(({ words, person }) => ({ person, pattern: patternFor(words) }));
}

/** The text with every name replaced, and the people whose names were found (once each). */
export function redactNames(text: string, patterns: readonly NamePattern[]): { text: string; found: RedactedName[] } {
  const found = new Set<RedactedName>();
  let out = text;
  for (const { person, pattern } of patterns) {
    out = out.replace(pattern, () => {
      found.add(person);
      return NAME_REDACTED;
    });
  }
  return { text: out, found: [...found] };
}

/** Capitalised words that describe rather than name someone ("The younger sister", "Year 9 pupil"). */
const DESCRIBING = new Set(
  (
    'a an the his her their my younger older elder another other year sibling sister brother cousin peer ' +
    'child children friend girl boy pupil not unknown aged mr mrs ms miss dr'
  ).split(' '),
);

/**
 * The words of a victim field that may be a name: those written with a capital letter, two
 * letters or more, less the words that describe a person. "Poppy, his younger sister" gives
 * "Poppy"; "A cousin, aged 7" gives nothing (the phrase itself is still matched whole).
 */
export function namesInDescription(text: string): string[] {
  return nameParts(text).filter((w) => /^\p{Lu}/u.test(w) && !DESCRIBING.has(w.toLocaleLowerCase('en-GB')));
}

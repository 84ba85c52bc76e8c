/**
 * Snippets made from a record's own text instead of FTS5's snippet(). snippet() needs the row
 * inside a MATCH walk, and the page's rows are spread over the whole window (they are ordered by
 * date, not by write order), so asking FTS5 for 20 snippets meant walking the window a second
 * time: about 40 % of a search. The page's 20 texts are primary-key reads; marking their words
 * here costs microseconds. The words are found as the unicode61 tokenizer finds them (runs of
 * letters and digits, case and accents folded), so the marks match what the index matched.
 */

/** One word of the query: matched whole, or (the last word typed) as a prefix. */
export interface QueryTerm {
  word: string;
  prefix: boolean;
}

/** How many words a snippet shows, as FTS5's snippet(..., 16) did. */
export const SNIPPET_TOKENS = 16;

/** Case and accents folded, as unicode61 (remove_diacritics) compares tokens. */
function fold(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** The terms of a query made by `toFtsQuery` (`"safety" AND "plan"*`). */
export function termsOfFtsQuery(query: string): QueryTerm[] {
  return [...query.matchAll(/"([^"]*)"(\*?)/g)].map((m) => ({ word: fold(m[1] ?? ''), prefix: m[2] === '*' }));
}

interface Token {
  start: number;
  end: number;
  hit: number; // index of the term it matches, or -1
}

function tokensOf(text: string, terms: readonly QueryTerm[]): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const word = fold(m[0]);
    const hit = terms.findIndex((t) => (t.prefix ? word.startsWith(t.word) : word === t.word));
    out.push({ start: m.index, end: m.index + m[0].length, hit });
  }
  return out;
}

/**
 * The stretch of `text` (at most SNIPPET_TOKENS words) holding the most different query words,
 * then the most matches, the earliest on a tie; each matching word wrapped in `[` `]`, with `…`
 * where the text goes on. Null when no word of the text matches (the caller falls back to FTS5).
 */
export function textSnippet(text: string, terms: readonly QueryTerm[]): string | null {
  const tokens = tokensOf(text, terms);
  if (!tokens.some((t) => t.hit >= 0)) return null;
  let best = 0;
  let bestScore = -1;
  for (let from = 0; from < Math.max(1, tokens.length - SNIPPET_TOKENS + 1); from++) {
    const slice = tokens.slice(from, from + SNIPPET_TOKENS);
    const hits = slice.filter((t) => t.hit >= 0);
    // Different words count far more than repeats of one word.
    const score = new Set(hits.map((t) => t.hit)).size * 1000 + hits.length;
    if (score > bestScore) {
      bestScore = score;
      best = from;
    }
  }
  const shown = tokens.slice(best, best + SNIPPET_TOKENS);
  const first = shown[0];
  const last = shown[shown.length - 1];
  if (!first || !last) return null;
  let out = best > 0 ? '…' : '';
  let at = first.start;
  for (const t of shown) {
    out += text.slice(at, t.start);
    const word = text.slice(t.start, t.end);
    out += t.hit >= 0 ? `[${word}]` : word;
    at = t.end;
  }
  return best + SNIPPET_TOKENS < tokens.length ? `${out}…` : out + text.slice(at).trimEnd();
}

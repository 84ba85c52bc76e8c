/**
 * The core marks matches in a note snippet with `[` and `]` (FTS5 snippet()). Split the text
 * on those markers into plain and matched parts, rendered as text nodes and <mark>, never as
 * HTML. Because a note may itself contain brackets, a bracketed part counts as a match only
 * when it starts with one of the searched words; anything else is shown as typed.
 */
export interface SnippetPart {
  text: string;
  match: boolean;
}

function normalise(s: string): string {
  return s.normalize('NFKC').toLowerCase();
}

/** The words of a search, as the core splits them (letters and digits). */
export function searchWords(query: string): string[] {
  return normalise(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

export function splitSnippet(snippet: string, query: string): SnippetPart[] {
  const words = searchWords(query);
  const parts: SnippetPart[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = parts[parts.length - 1];
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
  };
  const marked = /\[([^[\]]+)\]/g;
  let from = 0;
  for (let m = marked.exec(snippet); m; m = marked.exec(snippet)) {
    const inner = m[1] ?? '';
    const isMatch = words.some((w) => normalise(inner).startsWith(w));
    push(snippet.slice(from, m.index), false);
    push(isMatch ? inner : m[0], isMatch);
    from = m.index + m[0].length;
  }
  push(snippet.slice(from), false);
  return parts;
}

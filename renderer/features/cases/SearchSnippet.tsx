import { splitSnippet } from './snippet';

/** A search snippet with the searched words highlighted; text only, never HTML. */
export function SearchSnippet({ snippet, query }: { snippet: string; query: string }) {
  return (
    <p className="search-hit__snippet">
      {splitSnippet(snippet, query).map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </p>
  );
}

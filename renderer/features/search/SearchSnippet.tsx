import styles from './HitsSection.module.css';
import { splitSnippet } from './snippet';

/** Text with the searched words highlighted (core marks them with [ ]); text only, never HTML. */
export function HighlightedText({ snippet, query }: { snippet: string; query: string }) {
  return (
    <>
      {splitSnippet(snippet, query).map((part, i) =>
        part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
      )}
    </>
  );
}

/** A search snippet paragraph with the searched words highlighted. */
export function SearchSnippet({ snippet, query }: { snippet: string; query: string }) {
  return (
    <p className={styles.snippet}>
      <HighlightedText snippet={snippet} query={query} />
    </p>
  );
}

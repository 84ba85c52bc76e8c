import styles from './Pager.module.css';

/** What the pager's two buttons say: "Previous page" / "Next page", or for newest-first lists "Newer" / "Older". */
export interface PagerWords {
  previous: string;
  next: string;
}

export const PAGE_WORDS: PagerWords = { previous: 'Previous page', next: 'Next page' };
/** For lists shown newest first (notes, chronology, access log): going on means going back in time. */
export const NEWEST_FIRST_WORDS: PagerWords = { previous: 'Newer', next: 'Older' };

/**
 * A list's total in words: "1,000", or "more than 1,000" when the core's count stopped at its
 * bound (`Page.moreThan`). Every place that shows a page's total says it this way.
 */
export function totalWords(total: number, moreThan = false, at: { sentenceStart?: boolean } = {}): string {
  const n = total.toLocaleString('en-GB');
  if (!moreThan) return n;
  return `${at.sentenceStart ? 'More' : 'more'} than ${n}`;
}

export interface PagerProps {
  /** What is paged, for the navigation landmark, e.g. "Caseload pages". */
  label: string;
  offset: number;
  limit: number;
  total: number;
  /** The page's `moreThan`: the count stopped at `total`, so there is a further page. */
  moreThan?: boolean;
  onOffset: (offset: number) => void;
  /** The buttons' words (default "Previous page" / "Next page"). */
  words?: PagerWords;
  /** Smaller buttons, for a pager inside a case tab. */
  compact?: boolean;
}

/**
 * The one previous / next pager, with where we are in words ("Showing 51 to 100 of 10,000", or
 * "Showing 1 to 50 of more than 1,000" when the count stopped at its bound: Next then goes on).
 * At either end its button stays in place, marked `aria-disabled` (not `disabled`, which would
 * drop the keyboard focus to the page's body), and does nothing when pressed.
 */
export function Pager({
  label,
  offset,
  limit,
  total,
  moreThan = false,
  onOffset,
  words = PAGE_WORDS,
  compact = false,
}: PagerProps) {
  // One page and on it: nothing to page. Past the first page the pager stays, so a list that
  // shrank under the user can still be paged back.
  if (!moreThan && total <= limit && offset === 0) return null;
  const first = total === 0 ? 0 : offset + 1;
  const last = Math.min(offset + limit, total);
  const hasPrevious = offset > 0;
  // A bounded count stops at least a page past this one (bounded-count.ts): a further page exists.
  const hasNext = moreThan || offset + limit < total;
  const fmt = (n: number) => n.toLocaleString('en-GB');
  const buttonClass = compact ? 'button button--secondary button--small' : 'button button--secondary';
  return (
    <nav className={styles.pager} aria-label={label}>
      <button
        type="button"
        className={buttonClass}
        aria-disabled={!hasPrevious || undefined}
        onClick={() => hasPrevious && onOffset(Math.max(0, offset - limit))}
      >
        {/* A no-break space: the button lays out as flex, which drops a plain one. */}
        <span aria-hidden="true">{'‹\u00a0'}</span>
        {words.previous}
      </button>
      <p className={styles.status}>
        Showing {fmt(first)} to {fmt(last)} of {totalWords(total, moreThan)}
      </p>
      <button
        type="button"
        className={buttonClass}
        aria-disabled={!hasNext || undefined}
        onClick={() => hasNext && onOffset(offset + limit)}
      >
        {words.next}
        <span aria-hidden="true">{'\u00a0›'}</span>
      </button>
    </nav>
  );
}

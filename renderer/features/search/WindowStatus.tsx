import type { SearchWindowPage } from '../../../preload/contract/casework';
import type { WindowPaging } from '../../stores/cases';
import styles from './SearchResults.module.css';

const fmt = (n: number) => n.toLocaleString('en-GB');

/**
 * Which matches a full-text section has searched, said plainly: the search walks the matches
 * from the most recently entered down, one window at a time, so the page says which window
 * this is and whether older ones remain. The first window is "the 500 most recently entered";
 * later ones count on from there.
 */
export function windowDescription(page: SearchWindowPage<unknown>, paging: WindowPaging, noun: string): string {
  const from = paging.windowIndex * page.window + 1;
  const to = from + page.window - 1;
  const which =
    paging.windowIndex === 0
      ? page.nextCursor === null
        ? `every matching ${noun}`
        : `the ${fmt(page.window)} most recently entered matching ${noun}s`
      : page.nextCursor === null
        ? `the oldest matching ${noun}s (from number ${fmt(from)} on, counting from the most recently entered)`
        : `matching ${noun}s ${fmt(from)} to ${fmt(to)}, counting from the most recently entered`;
  return `Searched ${which}.`;
}

/**
 * "Show older matches" (the next window, from where the walk stopped) and "Back to the newest
 * matches", and the sentence saying when every record has been searched.
 */
export function WindowControls({
  page,
  paging,
  noun,
  onPaging,
}: {
  page: SearchWindowPage<unknown>;
  paging: WindowPaging;
  /** "note" or "document". */
  noun: string;
  onPaging: (paging: WindowPaging) => void;
}) {
  const exhausted = page.nextCursor === null;
  if (exhausted && paging.windowIndex === 0) return null;
  return (
    <div className={styles.windowControls}>
      <p className={styles.windowNote}>
        {exhausted
          ? `Every ${noun} has been searched: there are no older matches.`
          : `Older matching ${noun}s have not been searched yet.`}
      </p>
      <div className={styles.windowButtons}>
        {!exhausted && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onPaging({ offset: 0, cursor: page.nextCursor, windowIndex: paging.windowIndex + 1 })}
          >
            Show older matches<span className="visually-hidden"> ({noun}s)</span>
          </button>
        )}
        {paging.windowIndex > 0 && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => onPaging({ offset: 0, cursor: null, windowIndex: 0 })}
          >
            Back to the newest matches<span className="visually-hidden"> ({noun}s)</span>
          </button>
        )}
      </div>
    </div>
  );
}

import type { FlagView } from '../../../../preload/contract';
import { formatDate } from '../../../lib/dates';
import styles from './FlagBanner.module.css';

/**
 * Open flags, in the case header above every tab so nobody works on the case without seeing
 * them. Compact: the count and the way to the Flags tab on one line, then one line a flag (on
 * a wide window a long reason ends in an ellipsis there; the Flags tab shows it whole).
 */
export function FlagBanner({ flags, onShowFlags }: { flags: FlagView[]; onShowFlags: () => void }) {
  const open = flags.filter((f) => f.state !== 'cleared');
  if (open.length === 0) return null;
  return (
    <section className={styles.banner} aria-labelledby="flag-banner-heading" data-testid="flag-banner">
      <div className={styles.head}>
        <h3 id="flag-banner-heading" className={styles.heading}>
          {open.length === 1 ? '1 open flag' : `${open.length} open flags`}
        </h3>
        <button type="button" className={`${styles.go} link-button`} onClick={onShowFlags}>
          Go to flags to clear one
        </button>
      </div>
      <ul className={styles.list}>
        {open.map((f) => (
          <li key={f.id} className={styles.item}>
            <strong className="flag-banner__reason">{f.reason}</strong>
            {' – '}
            <span className="flag-banner__meta">
              {f.addressBy ? (
                <>
                  Address by {formatDate(f.addressBy)}
                  {f.state === 'overdue' && <strong className={styles.overdue}> (past this date)</strong>}.{' '}
                </>
              ) : (
                'No address-by date. '
              )}
              Raised by {f.raisedByName} on {formatDate(f.raisedAt)}.
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import type { DraftSummary } from '../../../preload/contract';
import { errorMessage } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/dates';
import { discardOfferedDraft, dismissDraftsOffer, loadOfferedDrafts, resumeDraft } from './drafts-actions';
import { useDraftsStore } from './drafts-store';
import styles from './DraftsOffer.module.css';

/** "saved 14:32" today, "saved 28/11/2026 14:32" on another day. */
export function savedWhen(iso: string, now = new Date()): string {
  const sameDay = formatDate(iso) === formatDate(now.toISOString());
  return sameDay ? `saved ${formatDateTime(iso).slice(11)}` : `saved ${formatDateTime(iso)}`;
}

/** One offered draft: Resume, or Discard after a confirmation (what was typed is gone then). */
function OfferedDraft({ draft }: { draft: DraftSummary }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keep.current?.focus();
  }, [confirming]);
  const name = <span className="visually-hidden"> {draft.title}</span>;

  async function discard() {
    try {
      await discardOfferedDraft(draft);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <li className={styles.item}>
      <span className={styles.title}>
        {draft.title} <span className={styles.when}>({savedWhen(draft.updatedAt)})</span>
      </span>
      {confirming ? (
        <span className={styles.actions} role="group" aria-label={`Discard ${draft.title}?`}>
          <span>Discard it for good?</span>
          <button type="button" className="button button--small" onClick={() => void discard()}>
            Yes, discard{name}
          </button>
          <button
            ref={keep}
            type="button"
            className="button button--secondary button--small"
            onClick={() => setConfirming(false)}
          >
            Keep it{name}
          </button>
        </span>
      ) : (
        <span className={styles.actions}>
          <button type="button" className="button button--small" onClick={() => resumeDraft(draft)}>
            Resume{name}
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setConfirming(true)}>
            Discard{name}
          </button>
        </span>
      )}
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

/**
 * After sign-in: the drafts kept when the vault last locked, each to resume or discard.
 * Shown until every draft is dealt with or the user chooses "Not now".
 */
export function DraftsOffer() {
  const offered = useDraftsStore((s) => s.offered);
  const dismissed = useDraftsStore((s) => s.dismissed);
  useEffect(() => {
    void loadOfferedDrafts();
  }, []);
  if (!offered || offered.length === 0 || dismissed) return null;
  const count = offered.length === 1 ? 'an unsaved draft' : `${offered.length} unsaved drafts`;
  return (
    <section className={styles.offer} aria-labelledby="drafts-offer-heading" data-testid="drafts-offer">
      <h2 id="drafts-offer-heading" className={styles.heading}>
        You have {count}
      </h2>
      <p className={styles.lead}>
        Kept, encrypted, in the vault when it locked. Only you can see {offered.length === 1 ? 'it' : 'them'}.
      </p>
      <ul className={styles.list}>
        {offered.map((d) => (
          <OfferedDraft key={d.key} draft={d} />
        ))}
      </ul>
      <button type="button" className="link-button" onClick={dismissDraftsOffer}>
        Not now
      </button>
    </section>
  );
}

import type { DraftHandle } from '../../lib/useDraft';
import { formatDateTime } from '../../lib/dates';
import styles from './DraftNotice.module.css';

/**
 * Inside a form that keeps drafts: says the form was filled in from a draft (and whether the
 * case changed since), when the draft was last kept, and offers to discard it. The autosave
 * itself is not announced: a screen reader would hear it every time the user pauses.
 */
export function DraftNotice({ draft, onDiscard }: { draft: DraftHandle; onDiscard: () => void }) {
  const { restored, savedAt, error } = draft;
  const discard = () => {
    void draft.discard();
    onDiscard();
  };
  return (
    <div className={styles.notice} data-testid="draft-notice">
      <div role="status">
        {restored && (
          <p className={styles.restored}>
            Filled in from your draft, saved {formatDateTime(restored.savedAt).replace(' ', ' at ')}.
            {restored.caseChanged && ' The case has changed since then: check each field before you save.'}
          </p>
        )}
      </div>
      {error && <p className={styles.error}>Your draft could not be kept: {error}</p>}
      {savedAt && (
        <p className={styles.saved}>
          {!restored && <>Draft kept at {formatDateTime(savedAt).slice(11)}. </>}
          <button type="button" className="link-button" onClick={discard}>
            Discard draft
          </button>
        </p>
      )}
    </div>
  );
}

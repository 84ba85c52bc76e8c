import { useCallback, useEffect, useState } from 'react';
import type { ConflictView } from '../../../preload/contract/bundles';
import type { ChannelInput } from '../../../preload/contract';
import { call, errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/dates';
import styles from './BundleConflicts.module.css';
import { partLabel } from './sharing-actions';

type Resolution = ChannelInput<'bundle:resolveConflict'>['resolution'];

/** What the person is told once a choice has been saved. */
const RESOLVED: Record<Resolution, string> = {
  'keep-mine': 'Your version was kept',
  'take-theirs': 'The sender’s version was taken',
  'keep-both': 'Both versions were kept: the sender’s is now a document of its own on the case',
};

/**
 * A case's bundle conflicts (records changed both here and by a sender, or a document whose
 * content differs), each with the fields that differ and a choice: keep this vault's version,
 * take the sender's, or, for such a document (`keepBoth`), keep both. For the case page to embed
 * (e.g. under the conflict flag); renders nothing when there are none.
 */
export function BundleConflicts({ caseId, canChange }: { caseId: string; canChange: boolean }) {
  const [conflicts, setConflicts] = useState<ConflictView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(() => {
    call('bundle:conflicts', { caseId })
      .then(setConflicts)
      .catch((err: unknown) => setError(errorMessage(err)));
  }, [caseId]);
  useEffect(load, [load]);

  async function resolve(c: ConflictView, resolution: Resolution) {
    setError(null);
    try {
      const { remaining } = await call('bundle:resolveConflict', { conflictId: c.id, resolution });
      setMessage(
        `${RESOLVED[resolution]}. ${remaining === 0 ? 'No conflicts remain; the flag was cleared.' : `${remaining} left to review.`}`,
      );
      load();
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  if (!conflicts || (conflicts.length === 0 && !message && !error)) return null;
  return (
    <section className="section" aria-labelledby="bundle-conflicts-heading">
      <h2 id="bundle-conflicts-heading">Bundle conflicts to review</h2>
      {error && <p className="field__error">{error}</p>}
      <div role="status" className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      {conflicts.map((c) => (
        <article key={c.id} className="conflict" aria-label={`${partLabel(c.module)} conflict`}>
          <h3>
            {partLabel(c.module)}: changed here and by {c.senderName ?? 'the sender'}
          </h3>
          <p className="field__hint">Received {formatDateTime(c.createdAt)}</p>
          {c.keepBoth && (
            <p className="field__hint">
              The content of this document differs from yours. Keeping both adds the sender’s version as a new document
              on the case, its title saying whose version it is.
            </p>
          )}
          {c.locked && (
            <p className="result result--problem">
              {c.locked} Keep yours, and add an addendum if their change is needed.
            </p>
          )}
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Yours</th>
                <th scope="col">Theirs</th>
              </tr>
            </thead>
            <tbody>
              {c.differences.map((d) => (
                <tr key={d.field}>
                  <th scope="row">{d.field.replace(/_/g, ' ')}</th>
                  <td className={styles.value}>{d.mine}</td>
                  <td className={styles.value}>{d.theirs}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {canChange && (
            <div className="button-row">
              <button type="button" className="button" onClick={() => void resolve(c, 'keep-mine')}>
                Keep yours
              </button>
              {!c.locked && (
                <button
                  type="button"
                  className="button button--secondary"
                  onClick={() => void resolve(c, 'take-theirs')}
                >
                  Take theirs
                </button>
              )}
              {c.keepBoth && (
                <button type="button" className="button button--secondary" onClick={() => void resolve(c, 'keep-both')}>
                  Keep both
                </button>
              )}
            </div>
          )}
        </article>
      ))}
    </section>
  );
}

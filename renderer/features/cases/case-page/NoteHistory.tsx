import { useEffect, useState } from 'react';
import type { NoteRevisionView } from '../../../../preload/contract';
import { call, errorMessage } from '../../../lib/api';
import { formatDateTime } from '../../../lib/dates';
import { NOTE_TYPE_LABELS } from './labels';
import styles from './NoteHistory.module.css';

/** Earlier versions of an edited note (the note shows the current one), newest first. */
export function NoteHistory({ noteId, version }: { noteId: string; version: number }) {
  const [revisions, setRevisions] = useState<NoteRevisionView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    call('note:history', { noteId })
      .then((r) => live && setRevisions(r))
      .catch((err: unknown) => live && setError(errorMessage(err)));
    return () => {
      live = false;
    };
  }, [noteId, version]);

  if (error) return <p className="form-error">{error}</p>;
  if (!revisions) return <p>Loading the history…</p>;
  const sorted = [...revisions].sort((a, b) => b.version - a.version);
  if (sorted.length === 0) return <p className="muted">No earlier versions.</p>;
  return (
    <ol className={styles.revisions} aria-label="Earlier versions of this note, newest first">
      {sorted.map((r) => (
        <li key={r.version} className={styles.revision}>
          <p className={styles.meta}>
            Version {r.version}: written by {r.writtenByName} on {formatDateTime(r.writtenAt)}.{' '}
            {NOTE_TYPE_LABELS[r.type]}, {formatDateTime(r.occurredAt)}
            {r.thirdPartySensitive ? ', third-party information' : ''}.
          </p>
          <p className={styles.text}>{r.text}</p>
        </li>
      ))}
    </ol>
  );
}

import { useRef, useState } from 'react';
import type { NoteView } from '../../../../preload/contract';
import { formatDateTime } from '../../../lib/dates';
import { useCasePageStore } from '../../../stores/case-page';
import { useSessionStore } from '../../../stores/session';
import { NOTE_TYPE_LABELS } from './labels';
import { NoteForm } from './NoteForm';
import { NoteHistory } from './NoteHistory';
import { NEWEST_FIRST_WORDS, Pager } from '../../../components/Pager';
import { loadNotes } from './case-actions';
import { useFocusLater } from './useFocusLater';
import styles from './NotesTab.module.css';

function NoteItem({ note, canWrite, onSaved }: { note: NoteView; canWrite: boolean; onSaved: (t: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const focusLater = useFocusLater();
  const edited = note.version > 1;
  return (
    <li className={styles.note} data-testid="note">
      <p className={styles.meta}>
        <strong>{formatDateTime(note.occurredAt)}</strong> · {NOTE_TYPE_LABELS[note.type]} · {note.authorName}
        {edited && <span className="tag tag--grey">Edited</span>}
        {note.thirdPartySensitive && <span className="tag tag--third-party">Third-party information</span>}
      </p>
      {editing ? (
        <NoteForm
          note={note}
          onDone={(saved) => {
            setEditing(false);
            if (saved) onSaved(saved);
            focusLater(() => editButton.current);
          }}
        />
      ) : (
        <p className={styles.text}>{note.text}</p>
      )}
      <div className="button-row button-row--tight">
        {canWrite && !editing && (
          <button
            ref={editButton}
            type="button"
            className="button button--secondary button--small"
            onClick={() => setEditing(true)}
          >
            Edit<span className="visually-hidden"> note of {formatDateTime(note.occurredAt)}</span>
          </button>
        )}
        {edited && (
          <button
            type="button"
            className="link-button"
            aria-expanded={showHistory}
            onClick={() => setShowHistory((v) => !v)}
          >
            {showHistory ? 'Hide the history' : 'Show the history'}
            <span className="visually-hidden"> of the note of {formatDateTime(note.occurredAt)}</span>
          </button>
        )}
      </div>
      {showHistory && <NoteHistory noteId={note.id} version={note.version} />}
    </li>
  );
}

/** Case notes, newest first, paged; add one, edit one (history kept). */
export function NotesTab() {
  const notes = useCasePageStore((s) => s.notes);
  const canWrite = useSessionStore((s) => s.user?.role !== 'read-only');
  const [message, setMessage] = useState<string | null>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const focusLater = useFocusLater();

  function announce(text: string | null) {
    if (!text) return;
    setMessage(text);
  }

  return (
    <div className="tab-body">
      <h3>Notes</h3>
      <div role="status" className={message ? 'result result--ok' : 'visually-hidden'}>
        {message}
      </div>
      {canWrite && (
        <NoteForm
          note={null}
          onDone={(saved) => {
            announce(saved);
            // Focus the list's heading: the new note is the first thing after it.
            focusLater(() => listHeading.current);
          }}
        />
      )}
      <section aria-labelledby="notes-list-heading" className="case-section">
        <h4 id="notes-list-heading" ref={listHeading} tabIndex={-1}>
          Notes, newest first{notes ? ` (${notes.total})` : ''}
        </h4>
        {!notes && <p>Loading notes…</p>}
        {notes?.items.length === 0 && <p className="muted">No notes yet.</p>}
        <ol className={styles.notes}>
          {notes?.items.map((n) => (
            <NoteItem key={n.id} note={n} canWrite={canWrite} onSaved={announce} />
          ))}
        </ol>
        {notes && (
          <Pager
            label="Pages of notes"
            offset={notes.offset}
            limit={notes.limit}
            total={notes.total}
            onOffset={(o) => void loadNotes(o)}
            words={NEWEST_FIRST_WORDS}
            compact
          />
        )}
      </section>
    </div>
  );
}

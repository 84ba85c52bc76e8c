import { useState, type FormEvent } from 'react';
import { showCasesView, useCasesStore } from '../../stores/cases';

/**
 * "Search notes and documents": full-text search across every case's notes and documents'
 * titles and descriptions. Runs on Enter or the button
 * (not per keystroke): each search is an audited look across many case files.
 */
export function NoteSearchForm() {
  const view = useCasesStore((s) => s.view);
  const [query, setQuery] = useState(view.kind === 'search' ? view.query : '');
  const [error, setError] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const q = query.trim();
    if (!q) {
      setError('Type a word or phrase to look for in case notes and documents.');
      return;
    }
    setError(null);
    showCasesView({ kind: 'search', query: q, offset: 0 });
  }

  return (
    <form role="search" className="note-search" noValidate onSubmit={submit} aria-label="Search notes and documents">
      <label className="field__label" htmlFor="note-search">
        Search notes and documents
      </label>
      <div className="note-search__row">
        <input
          id="note-search"
          className="field__input"
          type="search"
          value={query}
          maxLength={200}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'note-search-error' : undefined}
        />
        <button type="submit" className="button">
          Search
        </button>
      </div>
      {error && (
        <p className="field__error note-search__error" id="note-search-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

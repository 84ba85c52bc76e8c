import { useState, type FormEvent } from 'react';
import { showSearch, useCasesStore } from '../../stores/cases';
import styles from './SearchBox.module.css';

/**
 * The one search box: a young person's name, a case reference or a date of birth finds the
 * case, and any words find notes and documents. Runs on Enter or the button (not per
 * keystroke): each search is an audited look across many case files.
 */
export function SearchBox() {
  const view = useCasesStore((s) => s.view);
  const [query, setQuery] = useState(view.kind === 'search' ? view.query : '');
  const [error, setError] = useState<string | null>(null);

  function submit(e: FormEvent) {
    e.preventDefault();
    const q = query.trim();
    if (!q) {
      setError('Type a name, a case reference, a date of birth or words to look for.');
      return;
    }
    setError(null);
    showSearch(q);
  }

  const describedBy = ['app-search-hint', error ? 'app-search-error' : null].filter(Boolean).join(' ');
  return (
    <form role="search" className={styles.box} noValidate onSubmit={submit} aria-label="Cases, notes and documents">
      <label className="field__label" htmlFor="app-search">
        Search cases, notes and documents
      </label>
      <p className={`field__hint ${styles.hint}`} id="app-search-hint">
        Name, reference, date of birth (dd/mm/yyyy) or any words
      </p>
      <div className={styles.row}>
        <input
          id="app-search"
          className={`field__input ${styles.input}`}
          type="search"
          value={query}
          maxLength={200}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
        <button type="submit" className="button">
          Search
        </button>
      </div>
      {error && (
        <p className={`field__error ${styles.error}`} id="app-search-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

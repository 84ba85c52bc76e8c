import { useState, type FormEvent } from 'react';
import type { CaseSummary } from '../../../preload/contract';
import { call, errorMessage } from '../../lib/api';
import { formatDate } from '../../lib/dates';
import styles from './CasePicker.module.css';

/** Find a case by reference (NC-2025-0012 or a prefix) or name, and choose it. */
export function CasePicker({ onChoose }: { onChoose: (caseId: string) => void }) {
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<CaseSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function find(e: FormEvent) {
    e.preventDefault();
    setError(null);
    try {
      const page = await call('caseload:list', {
        search: search.trim(),
        limit: 10,
        sort: 'reference',
        direction: 'asc',
      });
      setResults(page.items);
    } catch (err) {
      setError(errorMessage(err));
    }
  }

  return (
    <div>
      <form className="case-picker" role="search" aria-label="Find a case to send" onSubmit={(e) => void find(e)}>
        <label className="field__label" htmlFor="send-case-search">
          Case reference or name
        </label>
        <p className="field__hint" id="send-case-search-hint">
          For example NC-2025-0012, or the young person’s family name.
        </p>
        <div className={styles.row}>
          <input
            id="send-case-search"
            className="field__input"
            value={search}
            aria-describedby="send-case-search-hint"
            onChange={(e) => setSearch(e.target.value)}
          />
          <button type="submit" className="button">
            Find
          </button>
        </div>
      </form>
      {error && <p className="field__error">{error}</p>}
      {results && results.length === 0 && <p role="status">No case matches “{search}”.</p>}
      {results && results.length > 0 && (
        <ul className={styles.results} aria-label="Matching cases">
          {results.map((c) => (
            <li key={c.id}>
              <span>
                <strong>{c.reference}</strong> {c.displayName}
                {c.dateOfBirth ? `, born ${formatDate(c.dateOfBirth)}` : ''}
              </span>
              <button type="button" className="button button--secondary" onClick={() => onChoose(c.id)}>
                Choose {c.reference}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

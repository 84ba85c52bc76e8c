/** Search use cases: one audit row per query, never the words searched for. */
import type { NoteSearchPage } from '../../../preload/contract/casework';
import type { OpenVault } from '../vault/vault';
import { SEARCH_WINDOW, toFtsQuery } from './fts-window';
import { searchNotes } from './search.repo';

/** The notes part of a search, without its audit row (the caller writes one per search). */
export function noteSearchPage(
  vault: OpenVault,
  text: string,
  limit: number,
  offset: number,
  cursor: number | null,
): NoteSearchPage {
  const query = toFtsQuery(text);
  const { groups, total, nextCursor } = query
    ? searchNotes(vault.db, vault.user, query, limit, offset, cursor)
    : { groups: [], total: 0, nextCursor: null };
  return { items: groups, total, offset, limit, window: SEARCH_WINDOW, cursor, nextCursor };
}

/** `search:notes`: one window of note matches, resumed from `cursor`, and its audit row. */
export function searchCaseNotes(
  vault: OpenVault,
  text: string,
  limit: number,
  offset: number,
  cursor: number | null = null,
): NoteSearchPage {
  return vault.db
    .transaction(() => {
      const page = noteSearchPage(vault, text, limit, offset, cursor);
      // The search words may be names or clinical terms: the audit records only the outcome.
      vault.audit({
        action: 'search.fulltext',
        detail: { cases: page.total, offset, continued: cursor !== null },
      });
      return page;
    })
    .immediate();
}

/** Search use cases: one audit row per query, never the words searched for. */
import type { NoteSearchPage } from '../../../preload/contract/casework';
import type { OpenVault } from '../vault/vault';
import { SEARCH_WINDOW, searchNotes, toFtsQuery } from './search.repo';

export function searchCaseNotes(vault: OpenVault, text: string, limit: number, offset: number): NoteSearchPage {
  const query = toFtsQuery(text);
  return vault.db
    .transaction(() => {
      const { groups, total, windowFull } = query
        ? searchNotes(vault.db, vault.user, query, limit, offset)
        : { groups: [], total: 0, windowFull: false };
      // The search words may be names or clinical terms: the audit records only the outcome.
      vault.audit({ action: 'search.fulltext', detail: { cases: total, offset } });
      return { items: groups, total, offset, limit, windowFull, window: SEARCH_WINDOW };
    })
    .immediate();
}

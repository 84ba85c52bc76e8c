/** Search use cases: one audit row per query, never the words searched for. */
import type { Page } from '../../../preload/contract/case-records';
import type { SearchHitGroup } from '../../../preload/contract/casework';
import type { OpenVault } from '../vault/vault';
import { searchNotes, toFtsQuery } from './search.repo';

export function searchCaseNotes(vault: OpenVault, text: string, limit: number, offset: number): Page<SearchHitGroup> {
  const query = toFtsQuery(text);
  return vault.db
    .transaction(() => {
      const { groups, total } = query
        ? searchNotes(vault.db, vault.user, query, limit, offset)
        : { groups: [], total: 0 };
      // The search words may be names or clinical terms: the audit records only the outcome.
      vault.audit({ action: 'search.fulltext', detail: { cases: total, offset } });
      return { items: groups, total, offset, limit };
    })
    .immediate();
}

/** Search use cases: one audit row per query, never the words searched for. */
import type { NoteSearchPage, SearchWindowPage } from '../../../preload/contract/casework';
import type { OpenVault } from '../vault/vault';
import { windowPage } from './fts-window';
import { searchNotes } from './search.repo';

/** The notes part of a search, without its audit row (the caller writes one per search). */
export function noteSearchPage(
  vault: OpenVault,
  text: string,
  limit: number,
  offset: number,
  cursor: number | null,
): NoteSearchPage {
  return windowPage(text, { limit, offset, cursor }, (query) => {
    const { groups, total, nextCursor } = searchNotes(vault.db, vault.user, query, limit, offset, cursor);
    return { items: groups, total, nextCursor };
  });
}

/** How a section makes its page, without the audit row (noteSearchPage, documentSearchPage). */
export type SectionPageOf<Page> = (
  vault: OpenVault,
  text: string,
  limit: number,
  offset: number,
  cursor: number | null,
) => Page;

/**
 * A section searched on its own channel (`search:notes`, `search:documents`): the page and its
 * `search.fulltext` audit row in one transaction. The search words may be names or clinical
 * terms, so the audit records only the outcome (`outcome`), where the page starts and whether
 * it continues an earlier window.
 */
export function auditedSectionSearch<Page extends SearchWindowPage<unknown>>(
  pageOf: SectionPageOf<Page>,
  outcome: (page: Page) => Record<string, unknown>,
) {
  return (vault: OpenVault, text: string, limit: number, offset: number, cursor: number | null = null): Page =>
    vault.db
      .transaction(() => {
        const page = pageOf(vault, text, limit, offset, cursor);
        vault.audit({
          action: 'search.fulltext',
          detail: { ...outcome(page), offset: page.offset, continued: page.cursor !== null },
        });
        return page;
      })
      .immediate();
}

/** `search:notes`: one window of note matches, resumed from `cursor`, and its audit row. */
export const searchCaseNotes = auditedSectionSearch(noteSearchPage, (page) => ({ cases: page.total }));

/**
 * `search:all`: the one search box. Cases by reference, name or date of birth, and notes and
 * documents by their words, in one transaction with one audit row. It is one channel rather than
 * the page calling three because a search is one look across many case files and is audited as
 * one (three calls would write three rows, and could read three different states of the vault);
 * paging one section is `only`, which reads and audits that section alone.
 */
import type { SearchAllInput, SearchAllPage } from '../../../preload/contract/search';
import { today } from '../cases/cases.service';
import { documentSearchPage } from '../documents/documents.search';
import type { OpenVault } from '../vault/vault';
import { searchCasesByIdentity } from './case-search';
import { noteSearchPage } from './search.service';

export function searchEverything(vault: OpenVault, input: SearchAllInput): SearchAllPage {
  const wants = (section: NonNullable<SearchAllInput['only']>) => input.only === null || input.only === section;
  return vault.db
    .transaction(() => {
      const cases = wants('cases')
        ? searchCasesByIdentity(vault.db, vault.user, input.query, input.limit, input.cases.offset, today(vault))
        : null;
      const notes = wants('notes')
        ? noteSearchPage(vault, input.query, input.limit, input.notes.offset, input.notes.cursor)
        : null;
      const documents = wants('documents')
        ? documentSearchPage(vault, input.query, input.limit, input.documents.offset, input.documents.cursor)
        : null;
      // The words may be names, dates of birth or clinical terms: the audit records the outcome only.
      vault.audit({
        action: 'search.all',
        detail: {
          only: input.only,
          cases: cases?.total ?? null,
          noteCases: notes?.total ?? null,
          documents: documents?.total ?? null,
          continued: (notes?.cursor ?? documents?.cursor ?? null) !== null,
        },
      });
      return { cases, notes, documents };
    })
    .immediate();
}

/**
 * Search: the one search box (cases by reference, name or date of birth; notes and documents by
 * their words) and the full-text searches of notes and documents on their own.
 */
import { z } from 'zod';
import type { CaseStatus } from './case-records';
import { ANY_USER, channel } from './define';
import type { DocumentSearchPage } from './documents';
import type { NoteType } from './notes';
import { offsetSchema, pagingSchema, searchCursorSchema, type Page, type SearchWindowPage } from './paging';

export interface SearchHitGroup {
  caseId: string;
  reference: string;
  displayName: string;
  /** Matching notes of this case within the window searched. */
  hits: number;
  /** The case's matching note with the latest date (`occurredAt`) within the window. */
  best: { noteId: string; occurredAt: string; type: NoteType; snippet: string };
}

/**
 * A page of note-search results: the cases with a match among one window of matching notes,
 * the case whose newest matching note has the latest date first.
 */
export type NoteSearchPage = SearchWindowPage<SearchHitGroup>;

/** What the user typed into a search: trimmed, never empty. */
export const searchTextSchema = z.string().trim().min(1, 'Type something to search for.').max(200);

/** The input of a full-text search of one kind of record: the words, the window's cursor, the page. */
const fullTextSearchSchema = z
  .object({ query: searchTextSchema, cursor: searchCursorSchema, ...pagingSchema.shape })
  .strict();

/** A case whose reference, young person's name or date of birth matches the search. */
export interface CaseSearchHit {
  caseId: string;
  reference: string;
  displayName: string;
  /** ISO date, or null when not recorded (consultation-only cases). */
  dateOfBirth: string | null;
  status: CaseStatus;
  leadWorkerName: string | null;
}

/** The sections of the search results page, each paged on its own. */
export const SEARCH_SECTIONS = ['cases', 'notes', 'documents'] as const;
export type SearchSection = (typeof SEARCH_SECTIONS)[number];

/** `search:all` input: the words, and where each section is (its page, and its window's cursor). */
export const searchAllSchema = z
  .object({
    query: searchTextSchema,
    /** Results per section. */
    limit: z.int().min(1).max(100).default(20),
    /** Page only this section (the others come back null); null for the first page of all three. */
    only: z.enum(SEARCH_SECTIONS).nullable().default(null),
    cases: z.object({ offset: offsetSchema }).strict().default({ offset: 0 }),
    notes: z.object({ offset: offsetSchema, cursor: searchCursorSchema }).strict().default({ offset: 0, cursor: null }),
    documents: z
      .object({ offset: offsetSchema, cursor: searchCursorSchema })
      .strict()
      .default({ offset: 0, cursor: null }),
  })
  .strict();
export type SearchAllInput = z.output<typeof searchAllSchema>;

/** The unified search's answer: one part per section, null for a section not asked for. */
export interface SearchAllPage {
  /** Cases by reference, name or date of birth, in order of the young person's family name. */
  cases: Page<CaseSearchHit> | null;
  notes: NoteSearchPage | null;
  documents: DocumentSearchPage | null;
}

export const searchChannels = {
  /**
   * The one search box: cases by reference, name or date of birth, and notes and documents by
   * their words, each section paged on its own (`only`). One call is one audited search (one
   * audit row, never the words), so a search costs one row rather than one per section.
   */
  'search:all': channel<SearchAllPage>()(searchAllSchema, ANY_USER),
  /**
   * Full-text search over notes, grouped by case: one window of matching notes (see
   * {@link SearchWindowPage}), resumed from `cursor`. One audit row per query, without the words.
   */
  'search:notes': channel<NoteSearchPage>()(fullTextSearchSchema, ANY_USER),
  /**
   * Full-text search over documents' titles and descriptions, only in cases the user may see.
   * One audit row per query (`search.fulltext`), never the words searched for.
   */
  'search:documents': channel<DocumentSearchPage>()(fullTextSearchSchema, ANY_USER),
} as const;

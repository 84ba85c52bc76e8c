/** Casework channels: flags, tasks, notes, chronology and full-text search. */
import { z } from 'zod';
import { idSchema, isoDateSchema, isoDateTimeSchema, type Page } from './case-records';
import { pagingSchema } from './cases';
import { ANY_USER, CASE_WRITERS, channel } from './define';
import type { CaseStatus } from './case-records';
import type { DocumentSearchPage } from './documents';

// ---------------------------------------------------------------------------------------------
// Records
// ---------------------------------------------------------------------------------------------

export const NOTE_TYPES = ['case_note', 'session', 'meeting', 'phone_call', 'email', 'supervision', 'other'] as const;
export const noteTypeSchema = z.enum(NOTE_TYPES);
export type NoteType = z.infer<typeof noteTypeSchema>;

export const noteSchema = z
  .object({
    occurredAt: isoDateTimeSchema,
    type: noteTypeSchema,
    text: z.string().trim().min(1, 'Write something in the note.').max(100_000),
    /** Contains information about third parties: redact for a subject access request. */
    thirdPartySensitive: z.boolean().default(false),
  })
  .strict();
export type NoteInput = z.input<typeof noteSchema>;

export const flagSchema = z
  .object({
    reason: z.string().trim().min(1, 'Say why the case is flagged.').max(2000),
    addressBy: isoDateSchema.nullable().default(null),
  })
  .strict();

export const taskSchema = z
  .object({
    title: z.string().trim().min(1, 'Give the task a title.').max(500),
    ownerId: idSchema,
    dueDate: isoDateSchema.nullable().default(null),
  })
  .strict();

export type FlagState = 'open' | 'overdue' | 'cleared';
export type TaskState = 'open' | 'due_soon' | 'overdue' | 'done';

export interface FlagView {
  id: string;
  caseId: string;
  reason: string;
  raisedBy: string;
  raisedByName: string;
  raisedAt: string;
  addressBy: string | null;
  clearedAt: string | null;
  clearedBy: string | null;
  clearingNote: string | null;
  state: FlagState;
  version: number;
}

export interface TaskView {
  id: string;
  caseId: string;
  caseReference: string;
  /** The young person's name (initials on consultation-only cases), shown beside the reference. */
  youngPersonName: string;
  title: string;
  ownerId: string;
  ownerName: string;
  dueDate: string | null;
  doneAt: string | null;
  /** Who marked it done, if anyone. */
  doneByName: string | null;
  state: TaskState;
  version: number;
}

export interface NoteView {
  id: string;
  caseId: string;
  authorId: string;
  authorName: string;
  occurredAt: string;
  type: NoteType;
  text: string;
  thirdPartySensitive: boolean;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface NoteRevisionView {
  version: number;
  text: string;
  type: NoteType;
  occurredAt: string;
  thirdPartySensitive: boolean;
  /** Who wrote this version, and when. */
  writtenBy: string;
  writtenByName: string;
  writtenAt: string;
}

/** Kinds of chronology event: one definition each, in chronology-kinds.ts. */
export type { ChronologyKind } from './chronology-kinds';
import type { ChronologyKind } from './chronology-kinds';

/**
 * The groups the chronology can be filtered by. Each chronology source declares its group;
 * sources from modules that declare none (e.g. bundles) fall under `other`.
 */
export const CHRONOLOGY_GROUPS = ['notes', 'status', 'flags', 'tasks', 'paperwork', 'documents', 'other'] as const;
export const chronologyGroupSchema = z.enum(CHRONOLOGY_GROUPS);
export type ChronologyGroup = z.infer<typeof chronologyGroupSchema>;

/** Which events to show, by whether they hold third-party information (victims, siblings). */
export const THIRD_PARTY_FILTERS = ['all', 'only', 'without'] as const;

/** A chronology filter. The defaults show everything. */
export const chronologyFilterSchema = z
  .object({
    /** The groups of events to show; at least one. */
    groups: z
      .array(chronologyGroupSchema)
      .min(1, 'Choose at least one kind of event to show.')
      .max(CHRONOLOGY_GROUPS.length * 2)
      .default([...CHRONOLOGY_GROUPS]),
    /** `only`: events with third-party information; `without`: events without it. */
    thirdParty: z.enum(THIRD_PARTY_FILTERS).default('all'),
  })
  .strict();
export type ChronologyFilter = z.output<typeof chronologyFilterSchema>;

export interface ChronologyEvent {
  /** ISO date or date-time; date-only events sort as the start of that day. */
  at: string;
  kind: ChronologyKind;
  entityId: string;
  summary: string;
  actorName: string | null;
  thirdPartySensitive: boolean;
}

/**
 * A page of the chronology: events that have happened, newest first (`items`, paged, `total`
 * counting only what the filter lets through), and, apart from them, what is still to come
 * (`upcoming`: e.g. tasks due after today, soonest first; at most `upcomingTotal` exist).
 */
export interface ChronologyPage extends Page<ChronologyEvent> {
  upcoming: ChronologyEvent[];
  upcomingTotal: number;
}

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
 * One window of a full-text search. The core walks the index from the most recently written
 * match down and stops after `window` matches; `cursor` is where this window started (null: at
 * the newest match) and `nextCursor` where the next, older window starts (null: every record
 * has now been searched). Pages (`offset`, `limit`, `total`) are within this window.
 */
export interface SearchWindowPage<T> extends Page<T> {
  window: number;
  cursor: number | null;
  nextCursor: number | null;
}

/**
 * A page of note-search results: the cases with a match among one window of matching notes,
 * the case whose newest matching note has the latest date first.
 */
export type NoteSearchPage = SearchWindowPage<SearchHitGroup>;

/** What the user typed into a search: trimmed, never empty. */
export const searchTextSchema = z.string().trim().min(1, 'Type something to search for.').max(200);

/**
 * Where a full-text search resumes: the `nextCursor` of the window before (a record's seq), or
 * null for the newest matches.
 */
export const searchCursorSchema = z.int().min(1).max(Number.MAX_SAFE_INTEGER).nullable().default(null);

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

const offsetSchema = z.int().min(0).max(1_000_000).default(0);

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

// ---------------------------------------------------------------------------------------------
// Channels
// ---------------------------------------------------------------------------------------------

export const caseworkChannels = {
  'flag:raise': channel<FlagView>()(z.object({ caseId: idSchema, flag: flagSchema }).strict(), CASE_WRITERS),
  'flag:clear': channel<FlagView>()(
    z
      .object({ flagId: idSchema, note: z.string().trim().min(1, 'Say how the flag was addressed.').max(2000) })
      .strict(),
    CASE_WRITERS,
  ),
  /** Every flag of a case, open first, with history (cleared flags are never deleted). */
  'flag:list': channel<FlagView[]>()(z.object({ caseId: idSchema }).strict(), ANY_USER),

  'task:create': channel<TaskView>()(z.object({ caseId: idSchema, task: taskSchema }).strict(), CASE_WRITERS),
  /**
   * Mark a task done. `expectedVersion` is the task's version as the user saw it: CONFLICT if
   * it has changed or been done since.
   */
  'task:complete': channel<TaskView>()(
    z.object({ taskId: idSchema, expectedVersion: z.int().min(1) }).strict(),
    CASE_WRITERS,
  ),
  /** Open tasks: overdue, due within 7 days, or all open; for me or for everyone. */
  'task:listMine': channel<Page<TaskView>>()(
    z
      .object({
        view: z.enum(['overdue', 'due_soon', 'open']).default('open'),
        scope: z.enum(['mine', 'all']).default('mine'),
        ...pagingSchema.shape,
      })
      .strict(),
    ANY_USER,
  ),
  'task:listForCase': channel<TaskView[]>()(z.object({ caseId: idSchema }).strict(), ANY_USER),

  'note:create': channel<NoteView>()(z.object({ caseId: idSchema, note: noteSchema }).strict(), CASE_WRITERS),
  /** Edit a note; the previous version is kept in its history. */
  'note:update': channel<NoteView>()(
    z.object({ noteId: idSchema, expectedVersion: z.int().min(1), note: noteSchema }).strict(),
    CASE_WRITERS,
  ),
  'note:history': channel<NoteRevisionView[]>()(z.object({ noteId: idSchema }).strict(), ANY_USER),
  /** A case's notes, newest first. Audited as `case.read`. */
  'note:list': channel<Page<NoteView>>()(z.object({ caseId: idSchema, ...pagingSchema.shape }).strict(), ANY_USER),

  /**
   * The dated events of a case across modules that have happened, newest first, filtered by
   * group and third-party content; with the upcoming ones (future due dates) apart. Audited
   * as `case.read`.
   */
  'chronology:get': channel<ChronologyPage>()(
    z.object({ caseId: idSchema, filter: chronologyFilterSchema.prefault({}), ...pagingSchema.shape }).strict(),
    ANY_USER,
  ),

  /**
   * Full-text search over notes, grouped by case: one window of matching notes (see
   * {@link SearchWindowPage}), resumed from `cursor`. One audit row per query, without the words.
   */
  'search:notes': channel<NoteSearchPage>()(
    z.object({ query: searchTextSchema, cursor: searchCursorSchema, ...pagingSchema.shape }).strict(),
    ANY_USER,
  ),
  /**
   * The one search box: cases by reference, name or date of birth, and notes and documents by
   * their words, each section paged on its own (`only`). One call is one audited search (one
   * audit row, never the words), so a search costs one row rather than one per section.
   */
  'search:all': channel<SearchAllPage>()(searchAllSchema, ANY_USER),
} as const;

/** The chronology: a case's dated events across modules, filtered, newest first. */
import { z } from 'zod';
import type { ChronologyKind } from './chronology-kinds';
import { idSchema } from './common';
import { ANY_USER, channel } from './define';
import { pagingSchema, type Page } from './paging';

/** Kinds of chronology event: one definition each, in chronology-kinds.ts. */
export type { ChronologyKind } from './chronology-kinds';

/**
 * The groups the chronology can be filtered by. Each chronology source declares its group;
 * sources from modules that declare none (e.g. bundles) fall under `other`.
 */
export const CHRONOLOGY_GROUPS = [
  'notes',
  'status',
  'flags',
  'tasks',
  'paperwork',
  'documents',
  // Issue 10's clinical work: consultations (single and batch); the assessment pathway with its
  // behaviours, psychometrics and attachment.
  'consultation',
  'assessment',
  // Issue 12: intervention plans, their sessions, reviews and safeguarding concerns.
  'intervention',
  // Issue 13: a carer's Safe Home programme (enrolment, sessions, notes, completion) and safety plans.
  'safe_home',
  'other',
] as const;
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

export const chronologyChannels = {
  /**
   * The dated events of a case across modules that have happened, newest first, filtered by
   * group and third-party content; with the upcoming ones (future due dates) apart. Audited
   * as `case.read`.
   */
  'chronology:get': channel<ChronologyPage>()(
    z.object({ caseId: idSchema, filter: chronologyFilterSchema.prefault({}), ...pagingSchema.shape }).strict(),
    ANY_USER,
  ),
} as const;

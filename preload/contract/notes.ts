/** Case notes: dated, typed entries whose earlier versions are kept when they are edited. */
import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './common';
import { ANY_USER, CASE_WRITERS, channel } from './define';
import { pagingSchema, type Page } from './paging';

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

export const noteChannels = {
  /** Write a note on a case. */
  'note:create': channel<NoteView>()(z.object({ caseId: idSchema, note: noteSchema }).strict(), CASE_WRITERS),
  /** Edit a note; the previous version is kept in its history. */
  'note:update': channel<NoteView>()(
    z.object({ noteId: idSchema, expectedVersion: z.int().min(1), note: noteSchema }).strict(),
    CASE_WRITERS,
  ),
  /** Every version of a note, as it was written and by whom. */
  'note:history': channel<NoteRevisionView[]>()(z.object({ noteId: idSchema }).strict(), ANY_USER),
  /** A case's notes, newest first. Audited as `case.read`. */
  'note:list': channel<Page<NoteView>>()(z.object({ caseId: idSchema, ...pagingSchema.shape }).strict(), ANY_USER),
} as const;

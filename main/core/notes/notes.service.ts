/** Case notes: writing, editing with history, listing. */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../../../preload/contract';
import type { NoteRevisionView, NoteView } from '../../../preload/contract/notes';
import type { Page } from '../../../preload/contract/paging';
import { auditedRead, requireCase } from '../cases/cases.service';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { findNote, insertNote, listCaseNotes, listRevisions, reviseNote } from './notes.repo';

/** A note's content as `note:create` and `note:update` deliver it, parsed (defaults filled in). */
export type NoteContent = ChannelParsedInput<'note:create'>['note'];

/** Notes are stored in UTC so they sort as text, whatever offset they were typed with. */
function utc(iso: string): string {
  return new Date(iso).toISOString();
}

function notInFuture(vault: OpenVault, occurredAt: string): void {
  // A minute of grace for clocks that differ slightly between colleagues' laptops.
  if (Date.parse(occurredAt) > vault.now().getTime() + 60_000) {
    throw new AppError('INVALID_INPUT', 'The note’s date and time is in the future.');
  }
}

function requireNote(vault: OpenVault, noteId: string) {
  const note = findNote(vault.db, noteId);
  if (!note) throw new AppError('NOT_FOUND', 'That note does not exist.');
  return note;
}

export function createNote(vault: OpenVault, caseId: string, note: NoteContent): NoteView {
  notInFuture(vault, note.occurredAt);
  const { db } = vault;
  return db
    .transaction(() => {
      requireCase(db, caseId);
      const id = randomUUID();
      insertNote(db, {
        ...note,
        occurredAt: utc(note.occurredAt),
        id,
        caseId,
        authorId: vault.user.id,
        at: vault.now().toISOString(),
      });
      vault.audit({ action: 'note.create', entityType: 'note', entityId: id, caseId, detail: { type: note.type } });
      return requireNote(vault, id);
    })
    .immediate();
}

/** Edit a note; its previous content is kept as a revision. */
export function updateNote(vault: OpenVault, noteId: string, expectedVersion: number, note: NoteContent): NoteView {
  notInFuture(vault, note.occurredAt);
  const { db } = vault;
  return db
    .transaction(() => {
      const existing = requireNote(vault, noteId);
      const ok = reviseNote(db, {
        ...note,
        occurredAt: utc(note.occurredAt),
        id: noteId,
        revisionId: randomUUID(),
        expectedVersion,
        at: vault.now().toISOString(),
        by: vault.user.id,
      });
      if (!ok)
        throw new AppError('CONFLICT', 'Someone edited this note while you were editing it. Reload it and try again.');
      vault.audit({ action: 'note.update', entityType: 'note', entityId: noteId, caseId: existing.caseId });
      return requireNote(vault, noteId);
    })
    .immediate();
}

export function noteHistory(vault: OpenVault, noteId: string): NoteRevisionView[] {
  const note = requireNote(vault, noteId);
  return auditedRead(vault, note.caseId, 'note_history', () => listRevisions(vault.db, noteId));
}

export function listNotes(vault: OpenVault, caseId: string, limit: number, offset: number): Page<NoteView> {
  return auditedRead(vault, caseId, 'notes', () => {
    const { rows, total } = listCaseNotes(vault.db, caseId, limit, offset);
    return { items: rows, total, offset, limit };
  });
}

/**
 * Sign-off of a report's source record, generic over the record (a consultation now, an
 * assessment next): a subject is a kind ("consultation") and a record id.
 *
 * - Signing keeps what the record said at that moment (its content as JSON, its version) with
 *   who signed and when, and from then on the record is locked: `assertEditable` refuses edits.
 * - Corrections are addenda (text, who, when), which every later render includes.
 * - Signing again is allowed only when addenda were added since the last signed version, so
 *   each signed version differs from the one before; every signed version is kept.
 *
 * These functions run inside the caller's transaction, which also holds the caller's audit row
 * (the caller knows what the record is called to a person); they never open one themselves.
 */
import { randomUUID } from 'node:crypto';
import type { AddendumView, SignedVersionView, SignoffView } from '../../../../preload/contract/signoff';
import type { Db } from '../../db/connection';
import { col, defineRecord, registerRecord } from '../../db/record';
import { stmt } from '../../db/statements';
import { AppError } from '../../errors';
import { ukWhen } from '../format';

/** A record a report is made from. */
export interface SignoffSubject {
  kind: string;
  id: string;
  caseId: string;
}

export const signoffRecord = registerRecord(
  defineRecord({
    table: 'report_signoffs',
    columns: {
      id: col.uuid(),
      subject_kind: col.text(40, 1),
      subject_id: col.uuid(),
      case_id: col.uuid(),
      subject_version: col.int(1),
      signed_version: col.int(1),
      content: col.text(500_000),
      signed_by: col.uuid(),
      signed_at: col.at(),
    },
  }),
);

export const addendumRecord = registerRecord(
  defineRecord({
    table: 'report_addenda',
    columns: {
      id: col.uuid(),
      subject_kind: col.text(40, 1),
      subject_id: col.uuid(),
      case_id: col.uuid(),
      text: col.text(10_000, 1),
      written_by: col.uuid(),
      written_at: col.at(),
    },
  }),
);

const NAME = (column: string) => `coalesce((SELECT display_name FROM users u WHERE u.id = ${column}), '')`;

type SignedRow = SignedVersionView & { addendaSigned: number };

function signedVersions(db: Db, kind: string, id: string): SignedRow[] {
  return stmt(
    db,
    `SELECT signed_version AS signedVersion, ${NAME('signed_by')} AS signedByName, signed_at AS signedAt,
            json_array_length(content, '$.addenda') AS addendaSigned
       FROM report_signoffs WHERE subject_kind = ? AND subject_id = ? ORDER BY signed_version`,
  ).all(kind, id) as SignedRow[];
}

function addenda(db: Db, kind: string, id: string): AddendumView[] {
  return stmt(
    db,
    `SELECT id, text, ${NAME('written_by')} AS writtenByName, written_at AS writtenAt
       FROM report_addenda WHERE subject_kind = ? AND subject_id = ? ORDER BY written_at, id`,
  ).all(kind, id) as AddendumView[];
}

/** The subject's signed versions and addenda, oldest first. */
export function signoffState(db: Db, kind: string, id: string): SignoffView {
  const versions = signedVersions(db, kind, id);
  const notes = addenda(db, kind, id);
  const last = versions[versions.length - 1];
  return {
    locked: last !== undefined,
    signedVersions: versions.map(({ addendaSigned: _n, ...v }) => v),
    addenda: notes,
    // Addenda are never removed, so more of them than the last signed version held means new ones.
    canSignAgain: last !== undefined && notes.length > last.addendaSigned,
  };
}

/** Refuse an edit of a signed record, saying what to do instead. `what`: "consultation". */
export function assertEditable(db: Db, subject: Pick<SignoffSubject, 'kind' | 'id'>, what: string): void {
  const first = signedVersions(db, subject.kind, subject.id)[0];
  if (first) {
    throw new AppError(
      'INVALID_INPUT',
      `This ${what} was signed off by ${first.signedByName} on ${ukWhen(first.signedAt)}, so it can no longer be changed. Add an addendum to correct it.`,
    );
  }
}

/**
 * Sign the subject: keep `content` (what the record says now, at `subjectVersion`) as the next
 * signed version. Returns its number.
 */
export function signSubject(
  db: Db,
  subject: SignoffSubject,
  subjectVersion: number,
  content: unknown,
  by: string,
  at: string,
  what: string,
): number {
  const state = signoffState(db, subject.kind, subject.id);
  if (state.locked && !state.canSignAgain) {
    throw new AppError(
      'INVALID_INPUT',
      `This ${what} is already signed off and nothing has been added since. Add an addendum first if it needs correcting.`,
    );
  }
  const signedVersion = state.signedVersions.length + 1;
  // The addenda so far are part of what is signed: they are in the report from now on.
  const signed = {
    record: content,
    addenda: state.addenda.map(({ text, writtenByName, writtenAt }) => ({ text, writtenByName, writtenAt })),
  };
  stmt(db, signoffRecord.insertSql()).run(
    signoffRecord.toRow({
      id: randomUUID(),
      subjectKind: subject.kind,
      subjectId: subject.id,
      caseId: subject.caseId,
      subjectVersion,
      signedVersion,
      content: JSON.stringify(signed),
      signedBy: by,
      signedAt: at,
    }),
  );
  return signedVersion;
}

/** Add a correction to a signed subject. Returns the addendum's id. */
export function addAddendum(
  db: Db,
  subject: SignoffSubject,
  text: string,
  by: string,
  at: string,
  what: string,
): string {
  if (!signoffState(db, subject.kind, subject.id).locked) {
    throw new AppError(
      'INVALID_INPUT',
      `This ${what} has not been signed off yet: edit it instead of adding an addendum.`,
    );
  }
  const id = randomUUID();
  stmt(db, addendumRecord.insertSql()).run(
    addendumRecord.toRow({
      id,
      subjectKind: subject.kind,
      subjectId: subject.id,
      caseId: subject.caseId,
      text,
      writtenBy: by,
      writtenAt: at,
    }),
  );
  return id;
}

/** What was signed, version by version (the content as signed), for a test or an audit. */
export function signedContents(db: Db, kind: string, id: string): { signedVersion: number; content: unknown }[] {
  return (
    stmt(
      db,
      'SELECT signed_version AS v, content FROM report_signoffs WHERE subject_kind = ? AND subject_id = ? ORDER BY signed_version',
    ).all(kind, id) as { v: number; content: string }[]
  ).map((r) => ({ signedVersion: r.v, content: JSON.parse(r.content) as unknown }));
}

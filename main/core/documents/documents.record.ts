/**
 * A document's row (`documents`): the one definition its repo's rows and its bundle module use.
 * `seq` is the FTS index's rowid, local to this vault. `blob_format`, `chunk_size`, `age_identity`
 * and `blob_id` (the name of the blob file, since migration 230) describe how this vault's blob
 * store holds the content, so the bundle module leaves them out and the importing vault sets its own.
 */
import { documentOwnerTypeSchema, type DocumentView } from '../../../preload/contract/documents';
import { z } from 'zod';
import { col, defineRecord, registerRecord, type Column, type ExpectSameView, type SameView } from '../db/record';

/** The third-party marking came in m0240: a bundle from before it has none, so it arrives unmarked. */
const since240 = (column: Column<0 | 1, boolean>): Column<0 | 1, boolean> => ({
  ...column,
  stored: column.stored.default(0),
});

export const documentRecord = registerRecord(
  defineRecord({
    table: 'documents',
    localOnly: ['seq'],
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      owner_type: col.as(documentOwnerTypeSchema),
      owner_id: col.uuid(),
      title: col.text(500, 1),
      description: col.nullableText(4000),
      original_filename: col.text(500, 1),
      media_type: col.text(200, 1),
      size_bytes: col.int(0),
      sha256: col.as(z.string().regex(/^[0-9a-f]{64}$/)),
      /** Holds third-party information: unticked when a case is sent, withheld from a subject access copy. */
      third_party: since240(col.bool()),
      blob_format: col.int(1),
      chunk_size: col.int(1),
      age_identity: col.as(
        z
          .string()
          .regex(/^AGE-SECRET-KEY-1[0-9A-Z]+$/)
          .nullable(),
      ),
      blob_id: col.uuid(),
      uploaded_by: col.uuid(),
      uploaded_at: col.at(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      deleted_at: col.nullableAt(),
      deleted_by: col.nullableUuid(),
      version: col.int(1),
    },
  }),
);

/**
 * How this vault stores the content: never carried in a bundle. `age_identity` (format 2) is the
 * secret that opens this vault's copy of the blob, so it must never leave the vault either: the
 * importing vault encrypts the content under an identity of its own. `blob_id` names this vault's
 * file, which may differ from the sender's (a version kept beside another, issue 15).
 */
export const BLOB_LAYOUT_COLUMNS = ['blob_format', 'chunk_size', 'age_identity', 'blob_id'] as const;

/** A document as the repo reads it: the row plus the uploader's name (joined from `users`). */
export type DocumentWithUploader = Parameters<typeof documentRecord.toView>[0] & { uploaded_by_name: string | null };

const documentFields = documentRecord.viewWithout([...BLOB_LAYOUT_COLUMNS, 'updated_by', 'deleted_at', 'deleted_by']);
export function toDocumentView(row: DocumentWithUploader): DocumentView {
  return { ...documentFields(row), uploadedByName: row.uploaded_by_name ?? 'Unknown user' };
}

export type DocumentViewMatchesRecord = ExpectSameView<
  SameView<ReturnType<typeof documentFields> & { uploadedByName: string }, DocumentView>
>;

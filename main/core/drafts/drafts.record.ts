/** A draft (`drafts`): a half-typed form kept for its author. The one definition of its row. */
import { DRAFT_MAX_BYTES, draftKeySchema, type DraftSummary } from '../../../preload/contract/drafts';
import { col, defineRecord, registerRecord, type ExpectSameView, type SameView } from '../db/record';

export const draftRecord = registerRecord(
  defineRecord({
    table: 'drafts',
    columns: {
      id: col.uuid(),
      user_id: col.uuid(),
      form_key: col.as(draftKeySchema),
      case_id: col.nullableUuid(),
      title: col.text(200, 1),
      /** The form's state as JSON text (UTF-8 bytes bound its length; the contract checks both). */
      state: col.text(DRAFT_MAX_BYTES),
      created_at: col.at(),
      updated_at: col.at(),
    },
  }),
);

export type DraftRow = Parameters<typeof draftRecord.toView>[0];
/** A draft as the repo reads it: the row plus its case's reference (joined from `cases`). */
export type DraftWithCase = DraftRow & { case_reference: string | null };

const draftFields = draftRecord.viewWithout(['id', 'user_id', 'state']);
/** The contract calls the form key `key`. */
export function toDraftSummary(row: DraftWithCase): DraftSummary {
  const { formKey, caseId, title, createdAt, updatedAt } = draftFields(row);
  return { key: formKey, caseId, caseReference: row.case_reference, title, createdAt, updatedAt };
}

export type DraftSummaryMatchesRecord = ExpectSameView<
  SameView<
    Omit<ReturnType<typeof draftFields>, 'formKey'> & { key: string; caseReference: string | null },
    DraftSummary
  >
>;

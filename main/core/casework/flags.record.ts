/** A flag on a case (`flags`): the one definition its repo's rows and its bundle module use. */
import { isoDateSchema } from '../../../preload/contract/case-records';
import type { FlagState, FlagView } from '../../../preload/contract/casework';
import { col, defineRecord, registerRecord, type ExpectSameView, type SameView } from '../db/record';

export const flagRecord = registerRecord(
  defineRecord({
    table: 'flags',
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      reason: col.text(2000, 1),
      raised_by: col.uuid(),
      raised_at: col.at(),
      address_by: col.as(isoDateSchema.nullable()),
      cleared_at: col.nullableAt(),
      cleared_by: col.nullableUuid(),
      clearing_note: col.nullableText(2000),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

/** A flag as the repo reads it: the row plus the name of who raised it (joined from `users`). */
export type FlagWithRaiser = Parameters<typeof flagRecord.toView>[0] & { raised_by_name: string };

const flagFields = flagRecord.viewWithout(['updated_at', 'updated_by']);
/** Everything of the contract's `FlagView` but its state, which depends on today. */
export function toFlagFields(row: FlagWithRaiser): ReturnType<typeof flagFields> & { raisedByName: string } {
  return { ...flagFields(row), raisedByName: row.raised_by_name };
}

export type FlagViewMatchesRecord = ExpectSameView<
  SameView<ReturnType<typeof toFlagFields> & { state: FlagState }, FlagView>
>;

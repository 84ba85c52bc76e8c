/** A user of this vault (`users`): the one definition of its row. */
import { roleSchema, type UserSummary } from '../../../preload/contract/common';
import { col, defineRecord, registerRecord, type ExpectSameView, type SameView } from '../db/record';

export const userRecord = registerRecord(
  defineRecord({
    table: 'users',
    columns: {
      id: col.uuid(),
      username: col.text(32, 2),
      /** Up to 100 typed, plus " (other service)" on a colleague added by a bundle. */
      display_name: col.text(200, 1),
      role: col.as(roleSchema),
      created_at: col.at(),
      disabled: col.bool(),
    },
  }),
);

export type UserRow = Parameters<typeof userRecord.toView>[0];
export const toUserSummary: (row: UserRow) => UserSummary = userRecord.toView;

export type UserSummaryMatchesRecord = ExpectSameView<SameView<ReturnType<typeof userRecord.toView>, UserSummary>>;

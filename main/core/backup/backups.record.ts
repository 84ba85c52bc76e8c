/** A row of the vault's backup history (`backups`, migration 170): the one definition of it. */
import { z } from 'zod';
import type { BackupView } from '../../../preload/contract/backup';
import { as, col, defineRecord, registerRecord, type ExpectSameView, type SameView } from '../db/record';

export const backupRecord = registerRecord(
  defineRecord({
    table: 'backups',
    columns: {
      id: col.uuid(),
      taken_at: col.at(),
      file_name: col.text(255, 1),
      bytes: col.int(),
      documents: col.int(),
      taken_by: col.text(200),
      source: as(z.enum(['taken', 'restored_from'])),
    },
  }),
);

export type BackupRow = Parameters<typeof backupRecord.toView>[0];
const toFullView = backupRecord.toView;

/** The screen's view: the row without its id. */
export function toBackupView(row: BackupRow): BackupView {
  const { id: _id, ...view } = toFullView(row);
  return view;
}

export type BackupViewMatchesRecord = ExpectSameView<
  SameView<Omit<ReturnType<typeof backupRecord.toView>, 'id'>, BackupView>
>;

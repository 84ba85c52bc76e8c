/**
 * The retention tables' one definition each (migrations 200 and 260): the per-case retention row, the
 * waiting disposal proposal and the tombstone. Repos derive their SQL and row types from these.
 */
import { as, col, defineRecord, registerRecord } from '../db/record';
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const caseRetentionRecord = registerRecord(
  defineRecord({
    table: 'case_retention',
    columns: {
      case_id: col.uuid(),
      date_of_death: as(isoDate.nullable()),
      legal_hold: col.bool(),
      hold_reason: col.nullableText(1000),
      hold_changed_by: col.nullableUuid(),
      hold_changed_at: col.nullableAt(),
      closed_on: as(isoDate.nullable()),
      review_date: as(isoDate.nullable()),
      dob_unknown: col.bool(),
      stale: col.bool(),
      version: col.int(1),
      // Migration 260: the care-experienced flag and the check its disposal needs.
      care_experienced: col.bool(),
      care_changed_by: col.nullableUuid(),
      care_changed_at: col.nullableAt(),
      care_check_note: col.nullableText(1000),
      care_checked_by: col.nullableUuid(),
      care_checked_at: col.nullableAt(),
      care_checked_for: as(isoDate.nullable()),
    },
  }),
);
export type CaseRetentionRow = Parameters<typeof caseRetentionRecord.toView>[0];

export const disposalProposalRecord = registerRecord(
  defineRecord({
    table: 'disposal_proposals',
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      reason: col.text(1000, 1),
      proposed_by: col.uuid(),
      proposed_at: col.at(),
    },
  }),
);

export const tombstoneRecord = registerRecord(
  defineRecord({
    table: 'disposal_tombstones',
    columns: {
      id: col.uuid(),
      reference: col.text(40, 1),
      referral_date: as(isoDate),
      closed_on: as(isoDate),
      review_date: as(isoDate),
      reason: col.text(1000, 1),
      proposed_by: col.uuid(),
      proposed_at: col.at(),
      approved_by: col.uuid(),
      approved_at: col.at(),
    },
  }),
);
export type TombstoneRow = Parameters<typeof tombstoneRecord.toView>[0];

/**
 * A colleague's key card in the directory (`colleagues`): the one definition of its row. The
 * stored schemas are the key card's own rules (age recipient, Ed25519 key, fingerprint).
 */
import { col, defineRecord, registerRecord, type ExpectSameView, type SameView } from '../db/record';
import { ageRecipientSchema, fingerprintSchema, signingKeySchema } from './key-card';
import type { Colleague, ColleagueStatus } from './colleagues';

export const colleagueRecord = registerRecord(
  defineRecord({
    table: 'colleagues',
    columns: {
      id: col.uuid(),
      name: col.text(100, 1),
      service: col.text(200, 1),
      their_user_id: col.uuid(),
      age_recipient: col.as(ageRecipientSchema),
      signing_public: col.as(signingKeySchema),
      fingerprint: col.as(fingerprintSchema),
      /** The card as imported, JSON. */
      card: col.text(),
      added_at: col.at(),
      added_by: col.uuid(),
      verified_at: col.nullableAt(),
      verified_by: col.nullableUuid(),
      revoked_at: col.nullableAt(),
      revoked_by: col.nullableUuid(),
    },
  }),
);

export type ColleagueRow = Parameters<typeof colleagueRecord.toView>[0];

const colleagueFields = colleagueRecord.viewWithout([
  'signing_public',
  'card',
  'added_by',
  'verified_by',
  'revoked_by',
]);
/** `signing_public` is the card's `signingKey`; the status follows from the dates. */
export function toColleague(row: ColleagueRow): Colleague {
  return {
    ...colleagueFields(row),
    signingKey: row.signing_public,
    status: row.revoked_at ? 'revoked' : row.verified_at ? 'verified' : 'unverified',
  };
}

export type ColleagueMatchesRecord = ExpectSameView<
  SameView<ReturnType<typeof colleagueFields> & { signingKey: string; status: ColleagueStatus }, Colleague>
>;

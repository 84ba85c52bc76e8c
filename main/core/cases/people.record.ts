/**
 * A person linked to a case (`case_people`): the one definition the repo's row mapping and the
 * bundle module's columns come from. Stored schemas are the contract's field rules (enums, ISO
 * dates, the form's maximum lengths), which is also what an incoming bundle is checked against.
 */
import {
  isoDateSchema,
  personKindSchema,
  professionalRoleSchema,
  type PersonView,
} from '../../../preload/contract/case-records';
import { col, defineRecord, registerRecord, type ExpectSameView, type SameView } from '../db/record';

export const personRecord = registerRecord(
  defineRecord({
    table: 'case_people',
    columns: {
      id: col.uuid(),
      case_id: col.uuid(),
      kind: col.as(personKindSchema),
      name: col.text(200, 1),
      role: col.as(professionalRoleSchema.nullable()),
      agency: col.nullableText(200),
      phone: col.nullableText(40),
      email: col.nullableText(200),
      address: col.nullableText(500),
      sharing_basis: col.nullableText(500),
      relationship: col.nullableText(100),
      parental_responsibility: col.nullableBool(),
      date_of_birth: col.as(isoDateSchema.nullable()),
      notes: col.nullableText(2000),
      third_party: col.bool(),
      created_at: col.at(),
      updated_at: col.at(),
      updated_by: col.uuid(),
      version: col.int(1),
    },
  }),
);

/** The contract's `PersonView` leaves out the case it belongs to and the audit columns. */
export const toPersonView = personRecord.viewWithout(['case_id', 'created_at', 'updated_at', 'updated_by']);

/** A compile error here names the fields in which the record and `PersonView` differ. */
export type PersonViewMatchesRecord = ExpectSameView<SameView<ReturnType<typeof toPersonView>, PersonView>>;

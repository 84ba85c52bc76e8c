/** People linked to a case (referrer, professionals, parents and carers, other children) and their channels. */
import { z } from 'zod';
import { idSchema, isoDateSchema, optionalText, trimmedText } from './common';
import { CASE_WRITERS, channel } from './define';

export const PERSON_KINDS = ['referrer', 'professional', 'parent_carer', 'sibling', 'household_child'] as const;
export const personKindSchema = z.enum(PERSON_KINDS);
export type PersonKind = z.infer<typeof personKindSchema>;

export const PROFESSIONAL_ROLES = ['social_worker', 'police', 'camhs', 'yot', 'school', 'gp', 'other'] as const;
export const professionalRoleSchema = z.enum(PROFESSIONAL_ROLES);
export type ProfessionalRole = z.infer<typeof professionalRoleSchema>;

/** Someone linked to the case: referrer, professional, parent/carer, sibling or other child. */
export const personSchema = z
  .object({
    kind: personKindSchema,
    name: trimmedText(200).min(1, 'Enter a name.'),
    role: professionalRoleSchema.nullable().default(null),
    agency: optionalText(200),
    phone: optionalText(40),
    email: optionalText(200),
    address: optionalText(500),
    /** The basis on which information is shared with this person (e.g. consent, duty to share). */
    sharingBasis: optionalText(500),
    relationship: optionalText(100),
    parentalResponsibility: z.boolean().nullable().default(null),
    dateOfBirth: isoDateSchema.nullable().default(null),
    notes: optionalText(2000),
  })
  .strict();
export type PersonInput = z.input<typeof personSchema>;

export interface PersonView extends Omit<z.output<typeof personSchema>, 'kind'> {
  id: string;
  kind: PersonKind;
  /** Third-party data (siblings, other children): redacted in a subject access request. */
  thirdParty: boolean;
  version: number;
}

export const personChannels = {
  /** Link someone to a case. Siblings and other children are marked as third parties. */
  'person:add': channel<PersonView>()(z.object({ caseId: idSchema, person: personSchema }).strict(), CASE_WRITERS),
  /** Change a person's details (not their kind); CONFLICT when they changed since `expectedVersion`. */
  'person:update': channel<PersonView>()(
    z
      .object({ personId: idSchema, expectedVersion: z.int().min(1), person: personSchema.omit({ kind: true }) })
      .strict(),
    CASE_WRITERS,
  ),
  /** Unlink someone from the case. */
  'person:remove': channel<null>()(z.object({ personId: idSchema }).strict(), CASE_WRITERS),
} as const;

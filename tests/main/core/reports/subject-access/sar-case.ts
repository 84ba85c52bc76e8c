/**
 * The subject access request's case, in a real vault: the two-family Safe Home group
 * (`../../safe-home/two-families.ts`: Sam Ashworth's family A with carers Helen and Mark, and
 * family B, Leo and Grace Brennan), plus on Sam's case a sibling who was harmed (Poppy Ashworth,
 * a third party), a note that names her, a note flagged third-party sensitive, a note that names
 * the other family's carer, and Sam's own note (the positive control).
 */
import { addPerson } from '../../../../../main/core/cases/people.service';
import { createNote } from '../../../../../main/core/notes/notes.service';
import type { OpenVault } from '../../../../../main/core/vault/vault';
import { writeTwoFamilies, type TwoFamilies } from '../../safe-home/two-families';

export const VICTIM = 'Poppy Ashworth';
export const NAMING_NOTE = 'Sam said sorry to Poppy’s teacher and to POPPY at home. SAM-NAMING-NOTE';
export const FLAGGED_NOTE = 'VICTIM-ACCOUNT: what the sibling told the police officer.';
export const OTHER_FAMILY_NOTE = 'Helen said Grace Brennan gave her a lift to the group. HELEN-LIFT-NOTE';
export const OWN_NOTE = 'SAM-OWN-NOTE: Sam chose football at the youth club and talked about his goals.';

/** Words no requester's copy of family A may hold. */
export const NEVER_RELEASED = ['Poppy', 'POPPY', 'VICTIM-ACCOUNT', 'police officer', 'Brennan', 'Grace', 'Leo'];

export interface SarCase extends TwoFamilies {
  victimId: string;
}

export function writeSarCase(vault: OpenVault): SarCase {
  const g = writeTwoFamilies(vault);
  const victim = addPerson(vault, g.a.caseId, { kind: 'sibling', name: VICTIM, relationship: 'Sister' });
  const note = (text: string, at: string, thirdPartySensitive = false) =>
    createNote(vault, g.a.caseId, { occurredAt: at, type: 'case_note', text, thirdPartySensitive });
  note(OWN_NOTE, '2025-05-01T09:00:00Z');
  note(NAMING_NOTE, '2025-05-02T09:00:00Z');
  note(FLAGGED_NOTE, '2025-05-03T09:00:00Z', true);
  note(OTHER_FAMILY_NOTE, '2025-05-04T09:00:00Z');
  return { ...g, victimId: victim.id };
}

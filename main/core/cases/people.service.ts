/** Rules for people linked to a case. */
import { randomUUID } from 'node:crypto';
import type { PersonInput, PersonKind, PersonView } from '../../../preload/contract/people';
import { personSchema } from '../../../preload/contract/people';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { requireCase } from './cases.service';
import { deletePerson, findPerson, insertPerson, updatePerson } from './people.repo';

type Person = ReturnType<typeof personSchema.parse>;

/** Siblings and other children in the household are third parties: redacted for a subject access request. */
export function isThirdParty(kind: PersonKind): boolean {
  return kind === 'sibling' || kind === 'household_child';
}

function normalise(p: Person): Omit<PersonView, 'id' | 'version'> {
  return {
    ...p,
    role:
      p.kind === 'professional' || p.kind === 'referrer'
        ? (p.role ?? (p.kind === 'professional' ? 'other' : null))
        : null,
    // Unanswered stays unanswered: recording "no parental responsibility" for a parent nobody
    // asked about would be an answer nobody gave.
    parentalResponsibility: p.kind === 'parent_carer' ? p.parentalResponsibility : null,
    thirdParty: isThirdParty(p.kind),
  };
}

export function addPerson(vault: OpenVault, caseId: string, input: PersonInput | Person): PersonView {
  const person = normalise(personSchema.parse(input));
  const { db } = vault;
  return db
    .transaction(() => {
      requireCase(db, caseId);
      const id = randomUUID();
      insertPerson(db, caseId, { ...person, id }, vault.now().toISOString(), vault.user.id);
      vault.audit({ action: 'person.add', entityType: 'person', entityId: id, caseId, detail: { kind: person.kind } });
      const saved = findPerson(db, id);
      if (!saved) throw new Error('person vanished after insert');
      return saved;
    })
    .immediate();
}

function requirePerson(vault: OpenVault, personId: string) {
  const found = findPerson(vault.db, personId);
  if (!found) throw new AppError('NOT_FOUND', 'That person is no longer linked to the case.');
  return found;
}

export function changePerson(
  vault: OpenVault,
  personId: string,
  expectedVersion: number,
  input: Omit<PersonInput, 'kind'>,
): PersonView {
  const parsed = personSchema.omit({ kind: true }).parse(input);
  const { db } = vault;
  return db
    .transaction(() => {
      const existing = requirePerson(vault, personId);
      const person = normalise({ ...parsed, kind: existing.kind });
      if (!updatePerson(db, { ...person, id: personId }, expectedVersion, vault.now().toISOString(), vault.user.id)) {
        throw new AppError(
          'CONFLICT',
          'Someone changed this person’s details while you were editing. Reload and try again.',
        );
      }
      vault.audit({ action: 'person.update', entityType: 'person', entityId: personId, caseId: existing.caseId });
      return requirePerson(vault, personId);
    })
    .immediate();
}

export function removePerson(vault: OpenVault, personId: string): void {
  vault.db
    .transaction(() => {
      const existing = requirePerson(vault, personId);
      // A carer enrolled in Safe Home stays: their register entries and journey are about them.
      if (vault.db.prepare('SELECT 1 FROM safe_home_enrolments WHERE person_id = ? LIMIT 1').get(personId)) {
        throw new AppError(
          'INVALID_INPUT',
          `${existing.name} is enrolled in a Safe Home run, so they stay on the People tab. Withdraw them from the run instead.`,
        );
      }
      deletePerson(vault.db, personId);
      vault.audit({
        action: 'person.remove',
        entityType: 'person',
        entityId: personId,
        caseId: existing.caseId,
        detail: { kind: existing.kind },
      });
    })
    .immediate();
}

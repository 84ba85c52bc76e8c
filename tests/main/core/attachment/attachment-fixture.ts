/**
 * A laptop (real core, real encrypted vault) with one case for attachment tests: the young person
 * Sam Hughes, born 01/05/2012, a mother with a date of birth, a father without one, and a sister.
 */
import type { PersonView, ProcedureInput } from '../../../../preload/contract';
import { laptop, makeCase, type Laptop } from '../bundles/app-fixtures';

export interface AttachmentCase {
  l: Laptop;
  caseId: string;
  adminId: string;
  mother: PersonView;
  father: PersonView;
  sister: PersonView;
}

export async function attachmentCase(dir: string): Promise<AttachmentCase> {
  const l = await laptop(dir, 'ada', 'Ada Admin');
  const adminId = l.core.manager.current().user.id;
  const caseId = (await makeCase(l, 'Hughes')).id;
  const person = (p: Record<string, unknown>) => l.call<PersonView>('person:add', { caseId, person: p });
  const mother = await person({
    kind: 'parent_carer',
    name: 'Dana Hughes',
    relationship: 'Mother',
    dateOfBirth: '1985-03-10',
  });
  const father = await person({ kind: 'parent_carer', name: 'Lee Hughes', relationship: 'Father' });
  const sister = await person({ kind: 'sibling', name: 'Ella Hughes', relationship: 'Sister' });
  return { l, caseId, adminId, mother, father, sister };
}

/** An SAA of the young person with the mother, aged 10 (within the SAA's range), coded B3. */
export function saaWithMother(c: AttachmentCase, extra: Partial<ProcedureInput> = {}): ProcedureInput {
  return {
    procedure: 'SAA',
    subjectKind: 'young_person',
    figurePersonId: c.mother.id,
    administeredOn: '2022-09-14',
    administeredBy: c.adminId,
    coderName: 'Dr Rose Coder',
    coderReliable: true,
    classification: 'B3',
    ...extra,
  };
}

/** A DMM-AAI of the mother (aged 40), coded A4/C5 with an unresolved trauma. */
export function aaiOfMother(c: AttachmentCase, extra: Partial<ProcedureInput> = {}): ProcedureInput {
  return {
    procedure: 'DMM-AAI',
    subjectKind: 'parent_carer',
    subjectPersonId: c.mother.id,
    administeredOn: '2026-02-03',
    administeredBy: c.adminId,
    coderName: 'Dr Rose Coder',
    coderReliable: true,
    classification: 'A4/C5',
    modifiers: [{ code: 'Utr', about: 'violence by her stepfather', forms: ['dismissed', 'blocked'] }],
    ...extra,
  };
}

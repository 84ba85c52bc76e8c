/** Writes the people, notes, flags and tasks of one synthetic case. */
import type { CaseStatus, ProfessionalRole } from '../../../preload/contract/case-records';
import type { NoteType } from '../../../preload/contract/casework';
import { addDays, daysBetween } from '../cases/dates';
import { clearFlagRow, insertFlag } from '../casework/flags.repo';
import { insertPerson } from '../cases/people.repo';
import { completeTaskRow, insertTask } from '../casework/tasks.repo';
import { insertNote } from '../notes/notes.repo';
import { stamp, type DemoContext } from './case-writer';
import { drawFamily, type YoungPersonSex } from './people';
import { noteText, YOUNG_PERSON, type NoteSubject } from './text';
import * as V from './vocabulary';

const NOTE_TYPES: [NoteType, number][] = [
  ['case_note', 5],
  ['session', 5],
  ['meeting', 2],
  ['phone_call', 4],
  ['email', 3],
  ['supervision', 1],
  ['other', 1],
];
const PRO_ROLES: ProfessionalRole[] = ['social_worker', 'police', 'camhs', 'yot', 'school', 'gp', 'other'];

export interface DemoCaseCore {
  id: string;
  referral: string;
  /** Closure date for closed cases, otherwise the reference date. */
  end: string;
  dob: string;
  given: string;
  family: string;
  la: string;
  initialsOnly: boolean;
  status: CaseStatus;
  lead: string | null;
  /** The young person's sex for wording, from their recorded gender. */
  sex: YoungPersonSex;
}

export function writeCaseActivity(ctx: DemoContext, c: DemoCaseCore): void {
  const { db, r, today, by, workers, totals } = ctx;
  const { id, referral, end, dob, given, family, la, initialsOnly, status, lead, sex } = c;
  // Consultation-only cases held as initials record no family (data minimisation).
  const relatives = initialsOnly ? [] : drawFamily(r, given, family, sex);
  const subject: NoteSubject = {
    name: initialsOnly ? YOUNG_PERSON : given,
    sex,
    carers: relatives.filter((p) => p.kind === 'parent_carer'),
    siblings: relatives.filter((p) => p.kind === 'sibling'),
  };
  const createdAt = stamp(r, referral);
  // People: the referrer, the network, then the family (parents/carers, siblings as third parties).
  const network: ProfessionalRole[] = ['social_worker'];
  for (let i = r.int(1, 3); i > 0; i--) network.push(r.pick(PRO_ROLES));
  network.forEach((role, i) => {
    insertPerson(
      db,
      id,
      {
        id: r.uuid(),
        kind: i === 0 ? 'referrer' : 'professional',
        name: `${r.pick(V.ANY_GIVEN_NAMES)} ${r.pick(V.FAMILY_NAMES)}`,
        role,
        agency: `${la} ${r.pick(V.AGENCIES[role] ?? ['Agency'])}`,
        phone: `0${r.int(1000, 9999)} ${r.int(100000, 999999)}`,
        email: `duty.${role}@example.org.uk`,
        address: null,
        sharingBasis: r.pick(V.SHARING_BASES),
        relationship: null,
        parentalResponsibility: null,
        dateOfBirth: null,
        notes: null,
        thirdParty: false,
      },
      createdAt,
      by,
    );
  });
  for (const p of relatives) {
    const sibling = p.kind === 'sibling';
    insertPerson(
      db,
      id,
      {
        id: r.uuid(),
        kind: p.kind,
        name: p.name,
        role: null,
        agency: null,
        phone: null,
        email: null,
        address: null,
        sharingBasis: sibling ? null : r.pick(V.SHARING_BASES),
        relationship: p.relationship,
        parentalResponsibility: sibling ? null : r.chance(0.8),
        dateOfBirth: sibling ? addDays(dob, r.int(-2500, 2500)) : null,
        notes: null,
        thirdParty: sibling,
      },
      createdAt,
      by,
    );
  }
  totals.people += network.length + relatives.length;

  // Notes: 20-30 per case (25 on average), spread between referral and closure (or today).
  const span = Math.max(daysBetween(referral, end), 0);
  const noteCount = r.int(...ctx.notesPerCase);
  for (let i = 0; i < noteCount; i++) {
    const type = r.weighted(NOTE_TYPES);
    const occurred = stamp(r, addDays(referral, r.int(0, span)));
    const author = workers.length ? r.pick(workers) : by;
    insertNote(db, {
      id: r.uuid(),
      caseId: id,
      authorId: author,
      occurredAt: occurred,
      type,
      text: noteText(r, subject, type),
      thirdPartySensitive: r.chance(0.08),
      at: occurred,
    });
  }
  totals.notes += noteCount;

  if (r.chance(0.2)) {
    const flagId = r.uuid();
    const raised = addDays(referral, r.int(0, span));
    insertFlag(db, {
      id: flagId,
      caseId: id,
      reason: r.pick(V.FLAG_REASONS),
      addressBy: addDays(raised, r.int(7, 42)),
      at: stamp(r, raised),
      by,
    });
    if (status === 'closed' || r.chance(0.5))
      clearFlagRow(
        db,
        flagId,
        'Discussed with the network; no further action needed.',
        stamp(r, addDays(raised, r.int(0, Math.max(0, daysBetween(raised, end))))),
        by,
      );
    totals.flags += 1;
  }
  for (let i = status === 'declined' ? 0 : r.int(1, 3); i > 0; i--) {
    const taskId = r.uuid();
    const due = addDays(referral, r.int(7, span + 30));
    insertTask(db, {
      id: taskId,
      caseId: id,
      title: r.pick(V.TASK_TITLES),
      ownerId: lead ?? by,
      dueDate: due,
      at: createdAt,
      by,
    });
    if (due < today && (status === 'closed' || r.chance(0.8)))
      completeTaskRow(db, taskId, stamp(r, due < end ? due : end), by);
    totals.tasks += 1;
  }
}

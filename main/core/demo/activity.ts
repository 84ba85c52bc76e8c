/** Writes the people, notes, flags and tasks of one synthetic case. */
import type { CaseStatus, PersonKind, ProfessionalRole } from '../../../preload/contract/case-records';
import type { NoteType } from '../../../preload/contract/casework';
import { addDays, daysBetween } from '../cases/dates';
import { clearFlagRow, insertFlag } from '../cases/flags.repo';
import { insertPerson } from '../cases/people.repo';
import { completeTaskRow, insertTask } from '../cases/tasks.repo';
import { insertNote } from '../notes/notes.repo';
import { stamp, type DemoContext } from './case-writer';
import { noteText } from './text';
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
}

export function writeCaseActivity(ctx: DemoContext, c: DemoCaseCore): void {
  const { db, r, today, by, workers, totals } = ctx;
  const { id, referral, end, dob, given, family, la, initialsOnly, status, lead } = c;
  const createdAt = stamp(r, referral);
  // People: the referrer, the network, parents/carers, siblings (third parties).
  const people: { kind: PersonKind; role: ProfessionalRole | null }[] = [{ kind: 'referrer', role: 'social_worker' }];
  for (let i = r.int(1, 3); i > 0; i--) people.push({ kind: 'professional', role: r.pick(PRO_ROLES) });
  for (let i = initialsOnly ? 0 : r.int(1, 2); i > 0; i--) people.push({ kind: 'parent_carer', role: null });
  for (
    let i = initialsOnly
      ? 0
      : r.weighted([
          [0, 3],
          [1, 4],
          [2, 2],
          [3, 1],
        ] as const);
    i > 0;
    i--
  )
    people.push({ kind: 'sibling', role: null });
  for (const p of people) {
    const isChild = p.kind === 'sibling';
    const pro = p.role !== null;
    insertPerson(
      db,
      id,
      {
        id: r.uuid(),
        kind: p.kind,
        name: `${r.pick(V.GIVEN_NAMES)} ${isChild || p.kind === 'parent_carer' ? family : r.pick(V.FAMILY_NAMES)}`,
        role: p.role,
        agency: pro ? `${la} ${r.pick(V.AGENCIES[p.role ?? 'other'] ?? ['Agency'])}` : null,
        phone: pro ? `0${r.int(1000, 9999)} ${r.int(100000, 999999)}` : null,
        email: pro ? `duty.${p.role}@example.org.uk` : null,
        address: null,
        sharingBasis: pro || p.kind === 'parent_carer' ? r.pick(V.SHARING_BASES) : null,
        relationship:
          p.kind === 'parent_carer'
            ? r.pick(V.RELATIONSHIPS)
            : isChild
              ? r.pick(['Brother', 'Sister', 'Half-sibling', 'Step-sibling'])
              : null,
        parentalResponsibility: p.kind === 'parent_carer' ? r.chance(0.8) : null,
        dateOfBirth: isChild ? addDays(dob, r.int(-2500, 2500)) : null,
        notes: null,
        thirdParty: isChild,
      },
      createdAt,
      by,
    );
  }
  totals.people += people.length;

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
      text: noteText(r, initialsOnly ? 'the young person' : given, type),
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

/** Writes one synthetic case: the referral, young person, services, status path and paperwork. */
import type { CaseStatus, Service } from '../../../preload/contract/case-records';
import type { PaperworkType } from '../../../preload/contract/cases';
import { insertCase, insertStatusChange, setClinicians, setServices, upsertYoungPerson } from '../cases/cases.repo';
import { MAX_AGE_AT_REFERRAL, ageOn } from '../../../preload/contract/age';
import { addDays, assessmentDueDate, daysBetween } from '../cases/dates';
import { paperworkCompleteDate, upsertCasePaperwork } from '../cases/paperwork.repo';
import type { Db } from '../db/connection';
import { writeCaseActivity } from './activity';
import { givenNameFor, youngPersonSex } from './people';
import type { Random } from './prng';
import type { PlannedReferral } from './referrals';
import * as V from './vocabulary';
import { demoIdentity } from './identity';

/** What every demo case is written with. */
export interface DemoContext {
  db: Db;
  r: Random;
  /** The reference date the demo counts back from. */
  today: string;
  /** The signed-in user, recorded as the writer of every row. */
  by: string;
  /** Users who can be lead workers, authors and task owners. */
  workers: string[];
  paperworkTypes: PaperworkType[];
  notesPerCase: [number, number];
  totals: { cases: number; notes: number; people: number; flags: number; tasks: number };
}

const AGES = [8, 9, 10, 11, 12, 12, 13, 13, 13, 14, 14, 14, 14, 15, 15, 15, 15, 16, 16, 16, 17, 17, 18, 19, 20, 21];

/** A time of day in working hours on `date`, as an ISO timestamp. */
export const stamp = (r: Random, date: string): string =>
  `${date}T${String(r.int(8, 17)).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}:00.000Z`;

function pickStatus(r: Random, ageDays: number, consultationOnly: boolean): CaseStatus {
  if (consultationOnly) return ageDays > 60 ? 'closed' : r.pick(['referred', 'accepted'] as const);
  if (ageDays < 30)
    return r.weighted([
      ['referred', 6],
      ['accepted', 3],
      ['declined', 1],
    ] as const);
  if (ageDays < 200)
    return r.weighted([
      ['accepted', 2],
      ['active', 6],
      ['declined', 1],
      ['closed', 1],
    ] as const);
  return r.weighted([
    ['active', 3],
    ['closed', 6],
    ['declined', 1],
  ] as const);
}

/** The path through the workflow to `status`, each step dated no later than `end`. */
function statusPath(r: Random, status: CaseStatus, referral: string, end: string): [CaseStatus, string][] {
  const route: Record<CaseStatus, CaseStatus[]> = {
    referred: [],
    declined: ['declined'],
    accepted: ['accepted'],
    active: ['accepted', 'active'],
    closed: ['accepted', 'active', 'closed'],
  };
  const span = Math.max(daysBetween(referral, end), 0);
  let day = 0;
  return route[status].map((s, i, all) => {
    const remaining = span - day;
    day += Math.min(remaining, r.int(1, Math.max(1, Math.floor(remaining / (all.length - i + 1)))));
    return [s, addDays(referral, day)];
  });
}

/** Write one case and everything in it, with its planned referral date and number; returns its reference. */
export function writeDemoCase(ctx: DemoContext, planned: PlannedReferral): string {
  const { db, r, today, by, workers, paperworkTypes, totals } = ctx;
  const { referralDate: referral, reference, refYear: year, refSeq: seq } = planned;
  const ageDays = daysBetween(referral, today);
  let dob = addDays(referral, -Math.floor(r.pick(AGES) * 365.25) - r.int(0, 364));
  while (ageOn(dob, referral) > MAX_AGE_AT_REFERRAL) dob = addDays(dob, 30);
  const consultationOnly = r.chance(0.12);
  const initialsOnly = consultationOnly && r.chance(0.5);
  // Gender first: the given name, and every word the family and notes use for them, follow it.
  const gender = r.pick(V.GENDERS);
  const sex = youngPersonSex(gender);
  const given = givenNameFor(r, sex);
  const family = r.pick(V.FAMILY_NAMES);
  const la = r.pick(V.LOCAL_AUTHORITIES);
  const status = pickStatus(r, ageDays, consultationOnly);
  const path = statusPath(r, status, referral, today);
  const end = status === 'closed' ? (path.at(-1)?.[1] ?? today) : today;
  const id = r.uuid();
  const lead = status === 'referred' || status === 'declined' ? null : workers.length ? r.pick(workers) : null;
  const services: Service[] = consultationOnly
    ? ['consultation']
    : (['assessment', 'attachment_assessment', 'intervention', 'safe_home'] as const).filter((_, i) =>
        r.chance([0.9, 0.2, 0.4, 0.15][i] ?? 0),
      );
  if (services.length === 0) services.push('assessment');

  // Paperwork (assessment cases that got past referral): usually all in within ten weeks.
  let complete: string | null = null;
  let completed: string | null = null;
  const received: { typeId: string; date: string }[] = [];
  if (!consultationOnly && services.includes('assessment') && status !== 'referred' && status !== 'declined') {
    for (const t of paperworkTypes) {
      const date = addDays(referral, r.int(-5, 70));
      if (date <= today && r.chance(t.required ? 0.93 : 0.6)) received.push({ typeId: t.id, date });
    }
    complete = paperworkCompleteDate(
      paperworkTypes.map((t) => ({
        typeId: t.id,
        name: t.name,
        required: t.required,
        notes: null,
        receivedDate: received.find((x) => x.typeId === t.id)?.date ?? null,
      })),
    );
    const due = complete ? assessmentDueDate(complete) : null;
    // Most assessments are finished (some late); a case still open past its due date belongs to
    // the last few months' backlog, not to years ago, and some closed cases were never assessed.
    const recentlyDue = due !== null && due < today && daysBetween(due, today) <= 120;
    const finished =
      status === 'closed' ? r.chance(0.85) : due !== null && due < today && (!recentlyDue || r.chance(0.6));
    if (due && complete && finished) {
      completed = addDays(complete, r.int(40, 100));
      if (completed > today) completed = today;
    }
  }
  const createdAt = stamp(r, referral);
  insertCase(db, {
    id,
    reference,
    ref_year: year,
    ref_seq: seq,
    status,
    referral_date: referral,
    referral_source: r.pick(['Children’s social care', 'Youth Offending Team', 'CAMHS', 'School', 'Police']),
    referral_reason: 'Concerns about harmful sexual behaviour reported by the referrer; see referral form.',
    consultation_only: consultationOnly ? 1 : 0,
    lead_worker_id: lead,
    decline_reason: status === 'declined' ? r.pick(V.DECLINE_REASONS) : null,
    closure_reason: status === 'closed' ? r.pick(V.CLOSURE_REASONS) : null,
    closing_summary: status === 'closed' ? 'Work completed as planned; network informed and report shared.' : null,
    age_at_referral: ageOn(dob, referral),
    paperwork_complete_date: complete,
    assessment_due_date: complete ? assessmentDueDate(complete) : null,
    assessment_completed_date: completed,
    created_at: createdAt,
    updated_at: createdAt,
    updated_by: by,
    version: 1,
  });
  const identity = demoIdentity(id, la, { referral, today, createdAt, by }, consultationOnly);
  upsertYoungPerson(
    db,
    id,
    {
      givenName: initialsOnly ? null : given,
      familyName: initialsOnly ? null : family,
      initials: initialsOnly ? `${given[0]}${family[0]}` : null,
      dateOfBirth: dob,
      ageAtReferral: null,
      gender,
      ethnicity: r.pick(V.ETHNICITIES),
      firstLanguage: r.pick(V.LANGUAGES),
      developmentalNeeds: r.chance(0.3) ? 'Diagnosis of autism; prefers visual timetables.' : null,
      learningNeeds: r.chance(0.3) ? 'Education, health and care plan in place.' : null,
      communicationNeeds: r.chance(0.15) ? 'Needs extra time to process spoken information.' : null,
      legalStatus: r.weighted([
        ['none', 4.5],
        ['police_investigation_active', 3],
        ['charged', 1],
        ['court_order', 1],
        ['not_known', 0.3],
        [null, 0.2],
      ] as const),
      placement: r.weighted([
        ['family_home', 6],
        ['kinship', 1],
        ['foster', 2],
        ['residential', 1],
        ['secure', 0.2],
        ['other', 0.3],
      ] as const),
      localAuthority: la,
      school: initialsOnly ? null : `${r.pick(V.LOCAL_AUTHORITIES)} ${r.pick(V.SCHOOL_KINDS)}`,
      ...identity.fields,
    },
    identity.recorded,
  );
  setServices(db, id, services, status === 'active' || status === 'closed' ? services : []);
  if (lead) setClinicians(db, id, [lead, ...(workers.length > 1 && r.chance(0.4) ? [r.pick(workers)] : [])]);
  insertStatusChange(db, { id: r.uuid(), caseId: id, from: null, to: 'referred', reason: null, at: createdAt, by });
  let previous: CaseStatus = 'referred';
  for (const [s, date] of path) {
    const reason = s === 'declined' ? r.pick(V.DECLINE_REASONS) : s === 'closed' ? r.pick(V.CLOSURE_REASONS) : null;
    insertStatusChange(db, { id: r.uuid(), caseId: id, from: previous, to: s, reason, at: stamp(r, date), by });
    previous = s;
  }
  for (const p of received)
    upsertCasePaperwork(db, { caseId: id, typeId: p.typeId, receivedDate: p.date, notes: null }, stamp(r, p.date), by);

  writeCaseActivity(ctx, { id, referral, end, dob, given, family, la, initialsOnly, status, lead, sex });
  totals.cases += 1;
  return reference;
}

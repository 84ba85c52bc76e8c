/**
 * Demo consultations, written after the cases with a random stream of their own (so every other
 * record of a seed stays as it was): most consultation-only cases and a share of the others get
 * a professional consultation with their network, about half of them signed off (a few with an
 * addendum), and a few batch agreements hold monthly sessions that discuss some of the cases.
 * One `demo.consultations` audit row sums it up, as `demo.generate` does for the cases.
 */
import { CONSULTATION_SUBJECT } from '../consultations/consultations.service';
import {
  agreementRecord,
  consultationRecord,
  discussedCaseRecord,
  sessionRecord,
} from '../consultations/consultations.records';
import { addendumRecord, signoffRecord } from '../reports/signoff/signoff';
import { stmt } from '../db/statements';
import type { OpenVault } from '../vault/vault';
import { Random } from './prng';
import type { Suitability } from '../../../preload/contract/consultations';

const REASONS = [
  'The social worker asked for advice on managing contact with younger children in the household.',
  'School asked how to support him safely in class while the strategy discussions continue.',
  'The network wanted to know whether a specialist assessment would help now or later.',
  'The foster carers asked for advice on supervision at home and on contact with siblings.',
];
const QUESTIONS = [
  'Is it safe for the young person to stay in the current placement?\n\nWhat supervision is needed at school?',
  'Should an assessment take place while the police investigation is active?',
  'How should the network talk with the young person about what happened?',
];
const DISCUSSIONS = [
  'We went through the chronology and the strategy meeting minutes together. The network described the behaviour and what has been put in place since.',
  'The discussion covered what is known about the behaviour, the family context, and the supports already offered by school and children’s social care.',
  'We considered the developmental context, the home routines and the views of the professionals who know the young person best.',
];
const RECOMMENDATIONS = [
  'Keep the current supervision plan at home and review it at the next core group.\n\nShare a simple safety plan with school.',
  'Hold a professionals meeting after the outcome of the police investigation, then consider a referral for assessment.',
  'Offer the carers a place on the next Safe Home group; the social worker to lead on a safety plan in the meantime.',
];
const SUITABILITY: readonly [Suitability, number][] = [
  ['assessment_now', 0.35],
  ['intervention_now', 0.15],
  ['later', 0.35],
  ['not_suitable', 0.15],
];
const ORGANISATIONS = [
  ['Leeds Youth Justice Service', 'Monthly'],
  ['Bradford Children’s Services', 'Every six weeks'],
  ['Wakefield CAMHS', 'Monthly'],
  ['Kirklees Residential Children’s Homes', 'Every two months'],
] as const;

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function weighted<T>(r: Random, items: readonly (readonly [T, number])[]): T {
  let x = r.next();
  for (const [item, p] of items) {
    x -= p;
    if (x < 0) return item;
  }
  return items[items.length - 1]?.[0] as T;
}

interface DemoCaseRow {
  id: string;
  referral_date: string;
  consultation_only: number;
}

/** Write the demo consultations for every case in the vault. Returns how many were written. */
export function writeDemoConsultations(vault: OpenVault, seed: string | number, today: string): number {
  const { db } = vault;
  const r = new Random(`${String(seed)}:consultations`);
  const by = vault.user.id;
  const cases = stmt(
    db,
    'SELECT id, referral_date, consultation_only FROM cases ORDER BY reference',
  ).all() as DemoCaseRow[];
  const network = stmt(
    db,
    `SELECT id FROM case_people WHERE case_id = ? AND kind IN ('professional', 'referrer') ORDER BY id`,
  );
  let written = 0;
  db.transaction(() => {
    const discussable: { id: string; from: string }[] = [];
    for (const c of cases) {
      if (!r.chance(c.consultation_only === 1 ? 0.9 : 0.15)) continue;
      const meetingDate = addDays(c.referral_date, r.int(10, 50));
      if (meetingDate > today) continue;
      const attendees = (network.all(c.id) as { id: string }[]).map((p) => p.id).filter(() => r.chance(0.8));
      const suitability = weighted(r, SUITABILITY);
      const id = r.uuid();
      const at = `${meetingDate}T16:00:00.000Z`;
      stmt(db, consultationRecord.insertSql()).run(
        consultationRecord.toRow({
          id,
          caseId: c.id,
          meetingDate,
          meetingMode: r.chance(0.6) ? 'virtual' : 'in_person',
          attendeeIds: attendees,
          documentIds: [],
          policeInvestigation: r.pick(['yes', 'no', 'not_known'] as const),
          reason: r.pick(REASONS),
          networkQuestions: r.pick(QUESTIONS),
          discussion: r.pick(DISCUSSIONS),
          recommendations: r.pick(RECOMMENDATIONS),
          suitability,
          suitabilityReason:
            suitability === 'later'
              ? 'An assessment is not possible while the police investigation is active; review when it ends.'
              : suitability === 'not_suitable'
                ? 'The behaviour described is within what is expected for his age; the network can manage it with the advice given.'
                : null,
          createdAt: at,
          createdBy: by,
          updatedAt: at,
          updatedBy: by,
          version: 1,
        }),
      );
      written++;
      discussable.push({ id: c.id, from: meetingDate });
      const signedAt = `${addDays(meetingDate, r.int(3, 14))}T15:00:00.000Z`;
      if (signedAt.slice(0, 10) <= today && r.chance(0.55)) {
        const subject = { subjectKind: CONSULTATION_SUBJECT, subjectId: id, caseId: c.id };
        stmt(db, signoffRecord.insertSql()).run(
          signoffRecord.toRow({
            ...subject,
            id: r.uuid(),
            subjectVersion: 1,
            signedVersion: 1,
            content: JSON.stringify({ record: { id, meetingDate, suitability }, addenda: [] }),
            signedBy: by,
            signedAt,
          }),
        );
        if (r.chance(0.1)) {
          stmt(db, addendumRecord.insertSql()).run(
            addendumRecord.toRow({
              ...subject,
              id: r.uuid(),
              text: 'Correction: the school’s designated safeguarding lead also attended the meeting.',
              writtenBy: by,
              writtenAt: `${addDays(signedAt.slice(0, 10), 2)}T10:00:00.000Z`,
            }),
          );
        }
      }
    }
    writeAgreements(vault, r, today, discussable);
    vault.audit({ action: 'demo.consultations', detail: { consultations: written, seed: String(seed) } });
  }).immediate();
  return written;
}

/** A few agreements with monthly sessions over the last year and the next one planned. */
function writeAgreements(
  vault: OpenVault,
  r: Random,
  today: string,
  consulted: readonly { id: string; from: string }[],
): void {
  const { db } = vault;
  const by = vault.user.id;
  for (const [organisation, frequency] of ORGANISATIONS) {
    const id = r.uuid();
    const startDate = addDays(today, -r.int(200, 400));
    const at = `${startDate}T09:00:00.000Z`;
    stmt(db, agreementRecord.insertSql()).run(
      agreementRecord.toRow({
        id,
        organisation,
        team: r.chance(0.5) ? 'Practitioners’ group' : null,
        frequency,
        startDate,
        endDate: null,
        contact: 'Team manager, through the duty inbox',
        createdAt: at,
        createdBy: by,
        updatedAt: at,
        updatedBy: by,
        version: 1,
      }),
    );
    for (let date = addDays(startDate, 14); date <= addDays(today, 30); date = addDays(date, r.int(28, 45))) {
      const sessionId = r.uuid();
      const past = date <= today;
      stmt(db, sessionRecord.insertSql()).run(
        sessionRecord.toRow({
          id: sessionId,
          agreementId: id,
          sessionDate: date,
          attendees: past ? 'Four social workers and a team manager' : '',
          themes: past
            ? r.pick(['Online harm', 'Sibling contact', 'Talking with parents', 'Residential settings'])
            : '',
          reflectiveNotes: past ? 'The group reflected on how hard these cases are for the workers involved.' : '',
          advice: past ? 'Keep supervision proportionate and review it with the family regularly.' : '',
          createdAt: `${date}T09:00:00.000Z`,
          createdBy: by,
          updatedAt: `${date}T09:00:00.000Z`,
          updatedBy: by,
          version: 1,
        }),
      );
      if (!past) continue;
      // A case is discussed only after its own consultation, as a network would bring it back.
      const cases = consulted.filter((c) => c.from < date).map((c) => c.id);
      const linked = cases.length > 0 && r.chance(0.6) ? [r.pick(cases)] : [];
      for (const caseId of linked) {
        stmt(db, discussedCaseRecord.insertSql()).run(
          discussedCaseRecord.toRow({
            id: r.uuid(),
            sessionId,
            caseId,
            anonymousRef: null,
            discussion: 'An update on supervision.',
          }),
        );
      }
      stmt(db, discussedCaseRecord.insertSql()).run(
        discussedCaseRecord.toRow({
          id: r.uuid(),
          sessionId,
          caseId: null,
          anonymousRef: `Child ${String.fromCharCode(65 + r.int(0, 25))}, Year ${r.int(5, 11)}`,
          discussion: 'Advice on talking with the family.',
        }),
      );
    }
  }
}

/**
 * Demo assessments, consistent with each case's clock: a case whose assessment was completed
 * has a complete assessment whose "report sent" is that date, every stage done in order before
 * it; an open case with its paperwork complete has an open assessment with the stages done that
 * its weeks since the paperwork allow; some open cases still waiting for paperwork have one
 * just started. Closed cases never assessed have none (they read "not assessed"). Its own
 * random stream, so the other demo data for a seed stays the same.
 */
import {
  ASSESSMENT_STAGES,
  DEFAULT_PLAN_DAYS,
  RECOMMENDATION_GROUPS,
  type AssessmentStage,
} from '../../../preload/contract/assessment-records';
import { BROOK_VERSIONS, HACKETT_LEVELS, type BrookVersionId } from '../../../preload/contract/hsb-frameworks';
import { assessmentRecord, type AssessmentRow } from '../assessments/assessments.records';
import { insertAssessment, insertBehaviour, insertRecommendation, insertStage } from '../assessments/assessments.repo';
import { addDays, daysBetween } from '../cases/dates';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { stamp } from './case-writer';
import type { Random } from './prng';

interface DemoAssessmentCase {
  id: string;
  status: string;
  lead_worker_id: string | null;
  paperwork_complete_date: string | null;
  assessment_completed_date: string | null;
  date_of_birth: string | null;
}

export interface DemoAssessmentContext {
  db: Db;
  r: Random;
  today: string;
  by: string;
  workers: string[];
  totals: { assessments: number };
}

const SETTINGS = ['Home', 'School', 'Online', 'Grandparents’ home', 'Park', 'Residential unit'];
const HARMED = ['A younger sibling', 'A cousin, aged 7', 'A peer at school', 'A younger child in the placement', null];
const DESCRIPTIONS = [
  'Sexualised touching of a younger child during unsupervised time.',
  'Sent sexual images to a peer and pressured them for more.',
  'Exposed himself to younger children on several occasions.',
  'Persistent sexualised language and gestures towards peers at school.',
  'Coerced a younger child into sexual activity over several weeks.',
];
const FORMULATION =
  'The behaviour is best understood against early experiences of neglect and exposure to domestic abuse; ' +
  'sexual behaviour appears to meet needs for closeness and control at times of distress.';

/** The cases of this batch that can have an assessment: not consultation only, assessment asked for. */
function casesOf(db: Db, refs: readonly string[]): DemoAssessmentCase[] {
  const list = refs.map((_, i) => `@r${i}`).join(', ');
  const params = Object.fromEntries(refs.map((ref, i) => [`r${i}`, ref]));
  return stmt(
    db,
    `SELECT c.id, c.status, c.lead_worker_id, c.paperwork_complete_date, c.assessment_completed_date, y.date_of_birth
     FROM cases c JOIN young_people y ON y.case_id = c.id
     WHERE c.reference IN (${list}) AND c.consultation_only = 0 AND c.status NOT IN ('referred', 'declined')
       AND EXISTS (SELECT 1 FROM case_services s WHERE s.case_id = c.id AND s.service = 'assessment')
     ORDER BY c.reference`,
  ).all(params) as DemoAssessmentCase[];
}

/**
 * The day each stage was done, in order, or null when not yet: spread over `span` days from the
 * paperwork date, stretched a little (some run late), none after `until`.
 */
function stageDates(
  r: Random,
  paperwork: string,
  sent: string | null,
  until: string,
): Map<AssessmentStage, string | null> {
  const out = new Map<AssessmentStage, string | null>();
  const stretch = sent ? daysBetween(paperwork, sent) / 84 : 0.9 + r.next() * 0.5;
  let last = paperwork;
  for (const s of ASSESSMENT_STAGES) {
    if (s === 'paperwork_complete') continue;
    let day = addDays(paperwork, Math.round(DEFAULT_PLAN_DAYS[s] * stretch) + r.int(-2, 2));
    if (day < last) day = last;
    if (s === 'report_sent') day = sent ?? '9999-12-31';
    const done = sent ? day : day <= until && s !== 'report_sent' ? day : null;
    out.set(s, done);
    if (done) last = done;
    else break;
  }
  return out;
}

function brook(r: Random, age: number): { version: BrookVersionId; band: string; colour: string } {
  const version: BrookVersionId = r.chance(0.6) ? '2020' : '2012';
  const def = BROOK_VERSIONS[version];
  const band =
    version === '2012'
      ? age < 9
        ? '5-9'
        : age < 13
          ? '9-13'
          : '13-17'
      : age < 10
        ? '6-9'
        : age < 14
          ? '10-13'
          : '14-18';
  return {
    version,
    band: def.bands.includes(band as never) ? band : (def.bands.at(-1) ?? ''),
    colour: r.chance(0.7) ? 'red' : (def.colours[1] ?? 'red'),
  };
}

function writeOne(ctx: DemoAssessmentContext, c: DemoAssessmentCase): void {
  const { db, r, today, by, workers } = ctx;
  const id = r.uuid();
  const paperwork = c.paperwork_complete_date;
  const sent = c.assessment_completed_date;
  const dates = paperwork ? stageDates(r, paperwork, sent, today) : new Map<AssessmentStage, string | null>();
  const reached = [...dates.entries()].filter(([, d]) => d).at(-1)?.[0] ?? (paperwork ? 'paperwork_complete' : null);
  const past = (s: AssessmentStage) => Boolean(dates.get(s));
  const openedOn = paperwork && paperwork <= today ? paperwork : today;
  const at = stamp(r, openedOn);
  const owner = c.lead_worker_id ?? (workers.length ? r.pick(workers) : by);
  const empty = Object.fromEntries(assessmentRecord.names.map((n) => [n, null]));
  const rated = past('formulation') || past('clinical_interviews');
  insertAssessment(db, {
    ...empty,
    id,
    case_id: c.id,
    state: sent ? 'complete' : 'open',
    stage_reached: reached,
    report_sent_date: sent,
    risk_to_others: rated ? r.pick(['low', 'medium', 'high'] as const) : null,
    risk_to_others_rationale: rated ? 'Pattern of behaviour, escalation and response to supervision considered.' : null,
    risk_to_self: rated ? r.pick(['low', 'medium'] as const) : null,
    risk_from_others: rated ? r.pick(['low', 'medium', 'high'] as const) : null,
    protective_factors: rated ? 'Engaged carer; stable school placement; willing to talk about the behaviour.' : null,
    need_emotional: rated ? 'Help to recognise and manage strong feelings.' : null,
    erasor_overall: rated && r.chance(0.4) ? r.pick(['low', 'moderate', 'high'] as const) : null,
    formulation: past('formulation') ? FORMULATION : null,
    opened_at: at,
    opened_by: owner,
    updated_at: at,
    updated_by: by,
    version: 1,
  } as AssessmentRow);
  const carers = stmt(
    db,
    `SELECT id, name FROM case_people WHERE case_id = ? AND kind = 'parent_carer' ORDER BY name`,
  ).all(c.id) as { id: string; name: string }[];
  ASSESSMENT_STAGES.forEach((s, seq) => {
    const subjects = s === 'clinical_interviews' ? [{ id: null, name: 'Young person' }, ...carers] : [null];
    for (const subject of subjects) {
      insertStage(db, {
        id: r.uuid(),
        assessment_id: id,
        case_id: c.id,
        stage: s,
        seq,
        subject_person_id: subject?.id ?? null,
        subject_label: subject?.name ?? null,
        planned_date: null,
        actual_date: s === 'paperwork_complete' ? null : (dates.get(s) ?? null),
        owner_id: s === 'paperwork_complete' ? null : owner,
        updated_at: at,
        updated_by: by,
        version: 1,
      });
    }
  });
  const age = c.date_of_birth ? daysBetween(c.date_of_birth, openedOn) / 365.25 : 14;
  for (let i = r.int(1, 3); i > 0; i--) {
    const b = r.chance(0.7) ? brook(r, age) : null;
    const harmed = r.pick(HARMED);
    insertBehaviour(db, {
      id: r.uuid(),
      assessment_id: id,
      case_id: c.id,
      occurred_on: addDays(openedOn, -r.int(30, 400)),
      description: r.pick(DESCRIPTIONS),
      setting: r.pick(SETTINGS),
      harmed,
      third_party: harmed ? 1 : 0,
      hackett: r.pick(HACKETT_LEVELS.slice(2)),
      brook_version: b?.version ?? null,
      brook_band: b?.band ?? null,
      brook_colour: (b?.colour ?? null) as 'red' | null,
      created_at: at,
      created_by: owner,
      updated_at: at,
      updated_by: by,
      version: 1,
    });
  }
  // Recommendations once the report is drafted: sign-off needs one in every group.
  if (past('report_drafted')) {
    for (const group of RECOMMENDATION_GROUPS) {
      insertRecommendation(db, {
        id: r.uuid(),
        assessment_id: id,
        case_id: c.id,
        grp: group,
        text: `Recommendation on ${group.replace(/_/g, ' ')} agreed with the network.`,
        owner: r.pick(['Allocated social worker', 'NCATS clinician', 'School designated safeguarding lead', 'Carers']),
        timescale: r.pick(['Within 4 weeks', 'Within 3 months', 'Before the next review', 'Ongoing']),
        created_at: at,
        updated_at: at,
        updated_by: by,
        version: 1,
      });
    }
  }
  ctx.totals.assessments += 1;
}

/** Write the assessments of one batch of demo cases (by reference). */
export function writeDemoAssessments(ctx: DemoAssessmentContext, refs: readonly string[]): void {
  if (refs.length === 0) return;
  for (const c of casesOf(ctx.db, refs)) {
    const open = c.status !== 'closed';
    // Completed cases always have their assessment; open ones with paperwork mostly; a few
    // still waiting for paperwork have started one; closed and never assessed: none.
    const write = c.assessment_completed_date
      ? true
      : open && (c.paperwork_complete_date ? ctx.r.chance(0.92) : ctx.r.chance(0.35));
    if (write) writeOne(ctx, c);
  }
}

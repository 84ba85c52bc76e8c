/**
 * Demo attachment (DMM) assessments: about half the cases with an assessment get one, with an
 * SAA (up to 13) or a TAAI (from 15; either at 14) for the young person with a parent or carer as
 * the figure, and for most a DMM-AAI of one parent or carer, coded with the modifiers those
 * procedures take, a reliable or not-yet-reliable coder and sometimes a second coder, a
 * formulation and a strategy summary, so that their assessment reports show them.
 *
 * Codes are weighted towards the compulsive and coercive strategies a referred group shows.
 * Any warning the rules give (a 14-year-old's SAA, a code earlier than usual) is recorded as
 * acknowledged by whoever administered it, as a coder would have done. Each case draws from its
 * own random stream, keyed by its id, so the rest of the demo data for a seed is unchanged.
 */
import {
  DMM_PROCEDURES,
  ageInMonths,
  dmmWarnings,
  parseClassification,
  type DmmModifierCode,
  type DmmProcedureCode,
  type NonResolutionForm,
} from '../../../preload/contract/dmm';
import type { ModifierEntryInput } from '../../../preload/contract/attachment';
import { insertAttachment, insertProcedure } from '../attachment/attachment.repo';
import type { StoredWarning } from '../attachment/attachment.records';
import { addDays, daysBetween } from '../cases/dates';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { Random } from './prng';
import { stamp, type DemoContext } from './case-writer';

const CODERS = ['Dr Ruth Ellison', 'Dr Marcus Webb', 'Anna Kowalczyk', 'Dr Priya Nair', 'Tom Aldridge'];
const LOSSES = ['a grandparent', 'the death of a parent', 'a sibling taken into care', 'a foster carer who left'];
const TRAUMAS = [
  'domestic violence witnessed at home',
  'physical abuse by a parent',
  'sexual abuse by an older relative',
  'a violent assault',
  'neglect in early childhood',
];
const FORMS: readonly NonResolutionForm[] = ['dismissed', 'blocked', 'displaced', 'preoccupied', 'denied', 'vicarious'];

/** Young people's codes, weighted; each is offered only from the age it is usually seen (dmm.ts). */
const CHILD_CODES: readonly (readonly [string, number])[] = [
  ['B3', 8],
  ['B4-5', 3],
  ['A1', 4],
  ['A3', 12],
  ['A4', 16],
  ['C1', 4],
  ['C3', 10],
  ['C4', 8],
  ['A3/C3', 6],
  ['A6', 6],
  ['C5', 5],
  ['A4/C5', 7],
  ['AC', 3],
];
const usualFrom = (code: string): number => {
  const parsed = parseClassification(code);
  return typeof parsed === 'string' ? Infinity : parsed.usualFromMonths;
};
const ADULT_CODES: readonly (readonly [string, number])[] = [
  ['B3', 10],
  ['B2', 3],
  ['A1', 6],
  ['A2', 6],
  ['A3', 8],
  ['A4', 10],
  ['A6', 6],
  ['A7', 3],
  ['C2', 4],
  ['C3', 6],
  ['C5', 6],
  ['C7', 2],
  ['A4/C5', 6],
  ['AC', 3],
  ['IO', 1],
];

interface AttachmentDemoCase {
  id: string;
  given_name: string | null;
  date_of_birth: string | null;
  paperwork_complete_date: string;
  assessment_completed_date: string | null;
  assessment_due_date: string | null;
}

function modifiers(r: Random, procedure: DmmProcedureCode): ModifierEntryInput[] {
  const takes = new Set<DmmModifierCode>(DMM_PROCEDURES[procedure].modifiers);
  const out: ModifierEntryInput[] = [];
  const event = (code: 'Ul' | 'Utr', about: string) => ({
    code,
    about,
    forms: [r.pick(FORMS), ...(r.chance(0.3) ? [r.pick(FORMS)] : [])].filter((f, i, all) => all.indexOf(f) === i),
  });
  if (takes.has('Utr') && r.chance(0.55)) out.push(event('Utr', r.pick(TRAUMAS)));
  if (takes.has('Utr') && r.chance(0.15)) out.push(event('Utr', r.pick(TRAUMAS.slice(0, 2))));
  if (takes.has('Ul') && r.chance(0.3)) out.push(event('Ul', r.pick(LOSSES)));
  if (takes.has('Dp') && r.chance(0.2)) out.push({ code: 'Dp' });
  if (takes.has('ina') && r.chance(0.2)) out.push({ code: 'ina' });
  if (takes.has('DO') && r.chance(0.08)) out.push({ code: 'DO' });
  if (takes.has('ES') && r.chance(0.1)) out.push({ code: 'ES' });
  if (takes.has('R') && r.chance(0.1)) out.push({ code: 'R', target: 'B' });
  // Two traumas of the same kind read oddly: keep one per event text.
  return out.filter((m, i) => out.findIndex((o) => o.code === m.code && o.about === m.about) === i);
}

function formulation(name: string, code: string, carer: string): { formulation: string; summary: string } {
  const meaning = parseClassification(code);
  const what = typeof meaning === 'string' ? code : `${code} (${meaning.meaning})`;
  return {
    formulation:
      `${name}'s strategy with ${carer} is ${what}. The behaviour makes sense as a way of staying safe ` +
      `with adults who were unpredictable: it protects ${name} from feeling helpless, at the cost of others.\n\n` +
      'Harmful sexual behaviour appeared when closeness and threat came together; supervision that is predictable ' +
      'lowers the pressure on the strategy.',
    summary:
      `${name} uses ${what} as a self-protective strategy. For risk, the strategy is most strained when ` +
      'carers are absent or inconsistent; work should build predictable care before reflective work on the behaviour.',
  };
}

/** Write the attachment assessments of the cases just written (by reference), inside the caller's transaction. */
export function writeDemoAttachment(ctx: DemoContext, references: readonly string[]): number {
  const { db } = ctx;
  const names = new Map(
    (stmt(db, 'SELECT id, display_name FROM users').all() as { id: string; display_name: string }[]).map((u) => [
      u.id,
      u.display_name,
    ]),
  );
  let written = 0;
  for (const reference of references) {
    const c = caseWithAssessment(db, reference);
    if (!c?.date_of_birth) continue;
    const r = new Random(`${c.id}:attachment`);
    if (!r.chance(0.5)) continue;
    const carers = stmt(
      db,
      "SELECT id, name, relationship FROM case_people WHERE case_id = ? AND kind = 'parent_carer' ORDER BY id",
    ).all(c.id) as { id: string; name: string; relationship: string | null }[];
    if (carers.length === 0) continue;
    const end = [c.assessment_completed_date, c.assessment_due_date, ctx.today]
      .filter((d): d is string => d !== null)
      .sort()[0] as string;
    const span = Math.max(daysBetween(c.paperwork_complete_date, end), 1);
    const opened = stamp(r, c.paperwork_complete_date);
    const attachmentId = r.uuid();
    const figure = r.pick(carers);
    const childOn = addDays(c.paperwork_complete_date, r.int(0, span));
    const age = ageInMonths(c.date_of_birth, childOn) ?? 0;
    const years = Math.floor(age / 12);
    const childProcedure: DmmProcedureCode = years <= 13 ? 'SAA' : years >= 15 ? 'TAAI' : r.pick(['SAA', 'TAAI']);
    const childCode = r.weighted(CHILD_CODES.filter(([code]) => usualFrom(code) <= age));
    const plan: {
      procedure: DmmProcedureCode;
      person: string | null;
      figure: string | null;
      on: string;
      code: string;
    }[] = [{ procedure: childProcedure, person: null, figure: figure.id, on: childOn, code: childCode }];
    if (r.chance(0.75)) {
      plan.push({
        procedure: 'DMM-AAI',
        person: r.pick(carers).id,
        figure: null,
        on: addDays(c.paperwork_complete_date, r.int(0, span)),
        code: r.weighted(ADULT_CODES),
      });
    }
    const text = formulation(
      c.given_name ?? 'The young person',
      childCode,
      figure.relationship?.toLowerCase() ?? figure.name,
    );
    insertAttachment(db, {
      id: attachmentId,
      case_id: c.id,
      formulation: text.formulation,
      strategy_summary: text.summary,
      opened_at: opened,
      opened_by: ctx.by,
      updated_at: opened,
      updated_by: ctx.by,
      version: 1,
    });
    for (const p of plan) {
      const by = r.pick(ctx.workers.length > 0 ? ctx.workers : [ctx.by]);
      const at = stamp(r, p.on);
      const parsed = parseClassification(p.code);
      const subjectAge = p.person === null ? ageInMonths(c.date_of_birth, p.on) : null;
      const warnings: StoredWarning[] = dmmWarnings(
        p.procedure,
        subjectAge,
        typeof parsed === 'string' ? null : parsed,
      ).map((w) => ({ ...w, acknowledgedBy: by, acknowledgedByName: names.get(by) ?? '', acknowledgedAt: at }));
      const second = r.chance(0.4);
      const disagreed = second && r.chance(0.2);
      insertProcedure(db, {
        id: r.uuid(),
        attachmentId,
        caseId: c.id,
        procedure: p.procedure,
        subjectKind: p.person === null ? 'young_person' : 'parent_carer',
        subjectPersonId: p.person,
        figurePersonId: p.figure,
        figureName: null,
        figureIsYoungPerson: false,
        administeredOn: p.on,
        administeredBy: by,
        recordingDocumentIds: [],
        transcriptStatus: r.weighted([
          ['checked', 6],
          ['transcribed', 2],
          ['awaiting', 1],
        ] as const),
        coderName: r.pick(CODERS),
        coderReliable: r.chance(0.8),
        blindCoded: r.chance(0.6),
        secondCoderName: second ? r.pick(CODERS) : null,
        secondCoderAgreement: second ? (disagreed ? 'disagreed' : 'agreed') : null,
        secondCoderResolution: disagreed
          ? 'Resolved at coding supervision; the first coder’s classification stands.'
          : null,
        classification: typeof parsed === 'string' ? null : parsed.text,
        modifiers: modifiers(r, p.procedure).map((m) => ({
          code: m.code,
          about: m.about ?? null,
          forms: m.forms ?? [],
          otherForm: null,
          target: m.target ?? null,
        })),
        careIndex: null,
        warnings,
        notes: null,
        createdAt: at,
        createdBy: by,
        updatedAt: at,
        updatedBy: by,
        version: 1,
      });
      written++;
    }
  }
  return written;
}

/** The case when it has an assessment (so its assessment report exists to show the procedures). */
function caseWithAssessment(db: Db, reference: string): AttachmentDemoCase | null {
  return (
    (stmt(
      db,
      `SELECT c.id, y.given_name, y.date_of_birth, c.paperwork_complete_date, c.assessment_completed_date,
              c.assessment_due_date
       FROM cases c JOIN young_people y ON y.case_id = c.id
       WHERE c.reference = ? AND c.paperwork_complete_date IS NOT NULL
         AND EXISTS (SELECT 1 FROM assessments a WHERE a.case_id = c.id)`,
    ).get(reference) as AttachmentDemoCase | undefined) ?? null
  );
}

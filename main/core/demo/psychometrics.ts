/**
 * Demo psychometrics: about seven in ten assessed cases (assessment work under way or done,
 * paperwork complete) have 1-4 questionnaires from the catalogue, dated within the assessment,
 * with plausible scores (an SDQ total is the sum of its four difficulty scales; RCADS T-scores
 * centred above the population mean, as a referred group's are). Each case draws from its own
 * random stream, keyed by its id, so the rest of the demo data for a seed is unchanged.
 *
 * Bands come from the catalogue as seeded: only the public ones (RCADS) give a band.
 */
import type { ScaleDefinition } from '../../../preload/contract/psychometric-bands';
import { addDays, daysBetween } from '../cases/dates';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { insertAdministration, listInstruments, type StoredInstrument } from '../psychometrics/psychometrics.repo';
import { headline, scoreScales, type ScoreEntry } from '../psychometrics/scoring';
import { Random } from './prng';
import { stamp, type DemoContext } from './case-writer';

const TEACHERS = ['Mrs Okafor', 'Mr Hughes', 'Ms Kowalski', 'Mr Singh', 'Miss Doyle', 'Mrs Reid'];

interface AssessedCase {
  id: string;
  age_at_referral: number;
  paperwork_complete_date: string;
  assessment_completed_date: string | null;
  assessment_due_date: string | null;
}

/** A score drawn around `centre`, kept in the scale's range (one decimal where allowed). */
function around(r: Random, scale: ScaleDefinition, centre: number, spread: number): number {
  const raw = centre + (r.next() + r.next() + r.next() - 1.5) * spread;
  const clamped = Math.min(scale.max, Math.max(scale.min, raw));
  return scale.integer ? Math.round(clamped) : Math.round(clamped * 10) / 10;
}

function scoresFor(r: Random, instrument: StoredInstrument): ScoreEntry[] {
  const byKey = new Map(instrument.scales.map((s) => [s.key, s]));
  const at = (key: string, centre: number, spread: number) => {
    const s = byKey.get(key);
    return s ? around(r, s, centre, spread) : 0;
  };
  if (instrument.name === 'SDQ') {
    const parts = {
      emotional: at('emotional', 5, 6),
      conduct: at('conduct', 4, 6),
      hyperactivity: at('hyperactivity', 6, 6),
      peer: at('peer', 4, 5),
    };
    const total = parts.emotional + parts.conduct + parts.hyperactivity + parts.peer;
    const entries: Record<string, number | null> = {
      total,
      ...parts,
      prosocial: at('prosocial', 6, 6),
      impact: r.chance(0.8) ? at('impact', 4, 6) : null,
    };
    return instrument.scales.map((s) => ({ scaleKey: s.key, score: entries[s.key] ?? null }));
  }
  if (instrument.name === 'ORS' || instrument.name === 'CORS') {
    const parts = ['individually', 'interpersonally', 'socially', 'overall'].map((k) => [k, at(k, 5, 6)] as const);
    const total = Math.round(parts.reduce((sum, [, v]) => sum + v, 0) * 10) / 10;
    return [{ scaleKey: 'total', score: total }, ...parts.map(([scaleKey, score]) => ({ scaleKey, score }))];
  }
  if (instrument.name === 'Goal Based Outcomes') {
    const goals = r.int(1, 3);
    return instrument.scales.map((s, i) => ({ scaleKey: s.key, score: i < goals ? at(s.key, 3, 4) : null }));
  }
  // RCADS and anything an administrator added: T-score-like or mid-range values.
  return instrument.scales.map((s) => ({
    scaleKey: s.key,
    score: s.max > 40 ? around(r, s, 60, 30) : around(r, s, (s.min + s.max) / 2, s.max - s.min),
  }));
}

/** Write the psychometrics of the cases just written (by reference), inside the caller's transaction. */
export function writeDemoPsychometrics(ctx: DemoContext, references: readonly string[]): number {
  const { db } = ctx;
  const catalogue = listInstruments(db, false);
  const find = (name: string, respondent: string) =>
    catalogue.find((i) => i.name === name && i.respondent === respondent) ?? null;
  let written = 0;
  for (const reference of references) {
    const c = assessedCase(db, reference);
    if (!c) continue;
    const r = new Random(`${c.id}:psychometrics`);
    if (!r.chance(0.7)) continue;
    const carers = stmt(
      db,
      "SELECT id, name FROM case_people WHERE case_id = ? AND kind = 'parent_carer' ORDER BY id",
    ).all(c.id) as { id: string; name: string }[];
    const end = [c.assessment_completed_date, c.assessment_due_date, ctx.today]
      .filter((d): d is string => d !== null)
      .sort()[0] as string;
    const span = Math.max(daysBetween(c.paperwork_complete_date, end), 1);
    const choices = [
      c.age_at_referral >= 11 && c.age_at_referral <= 17 ? find('SDQ', 'young_person') : null,
      carers.length > 0 ? find('SDQ', 'carer') : null,
      find('SDQ', 'teacher'),
      c.age_at_referral >= 8 && c.age_at_referral <= 18 ? find('RCADS', 'young_person') : null,
      c.age_at_referral >= 13 ? find('ORS', 'young_person') : find('CORS', 'young_person'),
      find('Goal Based Outcomes', 'young_person'),
    ].filter((i): i is StoredInstrument => i !== null);
    const count = Math.min(r.int(1, 4), choices.length);
    for (let n = 0; n < count; n++) {
      const instrument = choices.splice(r.int(0, choices.length - 1), 1)[0] as StoredInstrument;
      const carer = instrument.respondent === 'carer' ? r.pick(carers) : null;
      const on = addDays(c.paperwork_complete_date, r.int(0, span));
      const scores = scoresFor(r, instrument);
      const at = stamp(r, on);
      insertAdministration(db, {
        id: r.uuid(),
        caseId: c.id,
        administeredOn: on,
        instrumentId: instrument.id,
        instrumentName: instrument.name,
        instrumentVersion: instrument.versionLabel,
        respondentType: instrument.respondent,
        respondentPersonId: carer?.id ?? null,
        respondentName: carer?.name ?? (instrument.respondent === 'teacher' ? r.pick(TEACHERS) : null),
        administeredBy: r.pick(ctx.workers.length > 0 ? ctx.workers : [ctx.by]),
        scales: instrument.scales,
        scores,
        summary: headline(scoreScales(instrument.scales, scores)),
        notes: null,
        createdAt: at,
        updatedAt: at,
        updatedBy: ctx.by,
        version: 1,
      });
      written++;
    }
  }
  return written;
}

/** The case when its assessment work has started (paperwork complete, assessment service, under way or done). */
function assessedCase(db: Db, reference: string): AssessedCase | null {
  return (
    (stmt(
      db,
      `SELECT c.id, c.age_at_referral, c.paperwork_complete_date, c.assessment_completed_date, c.assessment_due_date
       FROM cases c
       WHERE c.reference = ? AND c.consultation_only = 0 AND c.paperwork_complete_date IS NOT NULL
         AND c.status IN ('active', 'closed')
         AND EXISTS (SELECT 1 FROM case_services s WHERE s.case_id = c.id AND s.service = 'assessment')`,
    ).get(reference) as AssessedCase | undefined) ?? null
  );
}

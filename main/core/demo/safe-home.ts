/**
 * Demo Safe Home: the active or closed cases of a batch that asked for Safe Home are grouped,
 * in referral order, into runs of the programme mixing four to seven families (six to ten
 * carers), with now and then a run for one family. Each run has 12-14 weekly sessions over the
 * seeded themes; registers with apologies and DNAs for the sessions held by the reference date;
 * a group note for each (naming no one); some carers withdraw, some get a catch-up for a missed
 * session; each family has safety-plan versions reviewed in the safety-plan sessions; carers
 * rate themselves before and, once the run is closed, after. Completion follows from the default
 * rule. A batch draws from its own random stream (keyed by its first such case), so the rest of
 * the demo data for a seed is unchanged.
 */
import { createHash } from 'node:crypto';
import { addDays } from '../cases/dates';
import type { Db } from '../db/connection';
import { stmt } from '../db/statements';
import { insertSafetyPlan } from '../safe-home/families.repo';
import { insertRun, insertSession, putGroupNote } from '../safe-home/runs.repo';
import { stamp, type DemoContext } from './case-writer';
import { Random } from './prng';
import * as W from './safe-home-words';
import { writeCarer } from './safe-home-carers';

/** The most carers a demo group takes. */
const MAX_CARERS = 10;

interface Family {
  id: string;
  start: string;
  carers: { id: string }[];
}

/** Record ids for one run: a SHA-256 of a key and a counter, shaped as a version-4 UUID. */
function idMaker(key: string): () => string {
  let n = 0;
  return () => {
    const hex = createHash('sha256').update(`${key}:safe-home:${n++}`).digest('hex').slice(0, 32).split('');
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
    const h = hex.join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}

/**
 * Which seeded themes each session covers, by session number (1-based), for a plan of `n`
 * sessions: the published order, the safety plan in the last three sessions but one.
 */
function themePlan(n: number, themes: ReadonlyMap<string, string>): string[][] {
  const t = (key: string) => themes.get(key) ?? '';
  const order = [
    ['processing'],
    ['behaviour_continuum'],
    ['behaviour_continuum', 'pathways'],
    ['pathways'],
    ['emotional_impact'],
    ['signs_of_abuse'],
    ['balancing_needs'],
    ['patterns_early_support'],
    ['emotional_impact', 'processing'],
    ['patterns_early_support'],
  ];
  return Array.from({ length: n }, (_, i) => {
    if (i >= n - 3 && i < n - 1) return [t('safety_plan')];
    if (i === n - 1) return [t('processing'), t('safety_plan')];
    return (order[i] ?? ['processing']).map(t);
  });
}

/** Write Safe Home runs for the cases just written (by reference), inside the caller's transaction. */
export function writeDemoSafeHome(ctx: DemoContext, references: readonly string[]): number {
  const families = references.map((ref) => family(ctx.db, ref)).filter((f): f is Family => f !== null);
  const first = families[0];
  if (!first) return 0;
  const r = new Random(`${first.id}:safe-home`);
  const themes = new Map(
    (
      stmt(ctx.db, 'SELECT id, key FROM safe_home_themes WHERE key IS NOT NULL').all() as { id: string; key: string }[]
    ).map((t) => [t.key, t.id]),
  );
  families.sort((a, b) => (a.start === b.start ? a.id.localeCompare(b.id) : a.start < b.start ? -1 : 1));
  let runs = 0;
  for (let i = 0; i < families.length;) {
    const size = r.chance(0.1) ? 1 : r.int(4, 7);
    // Four to seven families, but no more than ten carers: a group is run for at most ten.
    const group: Family[] = [];
    let carers = 0;
    for (const f of families.slice(i, i + size)) {
      if (group.length > 0 && carers + f.carers.length > MAX_CARERS) break;
      group.push(f);
      carers += f.carers.length;
    }
    i += group.length;
    if (writeRun(ctx, r, group, themes)) runs++;
  }
  return runs;
}

function writeRun(ctx: DemoContext, r: Random, families: Family[], themes: ReadonlyMap<string, string>): boolean {
  const { db, today } = ctx;
  const lead = families[0];
  if (!lead) return false;
  const ids = idMaker(lead.id);
  const latest =
    families
      .map((f) => f.start)
      .sort()
      .at(-1) ?? lead.start;
  const start = addDays(latest, r.int(14, 75));
  if (start > addDays(today, 30)) return false;
  const planned = r.weighted([
    [13, 6],
    [12, 2],
    [14, 1],
  ] as const);
  const lastPlanned = addDays(start, (planned - 1) * 7);
  const closedOn = addDays(lastPlanned, 7) <= today ? addDays(lastPlanned, 7) : null;
  const facilitators = [
    ...new Set([
      r.pick(ctx.workers.length ? ctx.workers : [ctx.by]),
      r.pick(ctx.workers.length ? ctx.workers : [ctx.by]),
    ]),
  ];
  const by = facilitators[0] as string;
  const runId = ids();
  const season = W.SEASONS[Math.floor((Number(start.slice(5, 7)) - 1) / 3)] ?? 'Spring';
  const createdAt = stamp(r, addDays(start, -21));
  insertRun(db, {
    id: runId,
    title:
      families.length === 1
        ? `${season} ${start.slice(0, 4)}, one family`
        : `${season} group ${start.slice(0, 4)} (${r.pick(W.AREAS)})`,
    delivery: families.length === 1 ? 'family' : 'group',
    facilitatorIds: facilitators,
    startDate: start,
    plannedSessions: planned,
    venue: r.pick(W.VENUES),
    closedOn,
    createdAt,
    createdBy: by,
    updatedAt: createdAt,
    updatedBy: by,
    version: 1,
  });
  const plan = themePlan(planned, themes);
  const sessions = plan.map((themeIds, i) => ({ id: ids(), seq: i + 1, date: addDays(start, i * 7), themeIds }));
  const held = sessions.filter((s) => s.date < today);
  for (const s of sessions) {
    const isHeld = s.date < today;
    const takenAt = isHeld ? stamp(r, s.date) : null;
    insertSession(db, {
      id: s.id,
      runId,
      kind: 'planned',
      seq: s.seq,
      sessionDate: s.date,
      themeIds: s.themeIds,
      coveredThemeIds: null,
      forSessionId: null,
      forEnrolmentIds: [],
      registerTakenAt: takenAt,
      registerTakenBy: takenAt ? by : null,
      createdAt,
      createdBy: by,
      updatedAt: takenAt ?? createdAt,
      updatedBy: by,
      version: 1,
    });
    if (isHeld && takenAt)
      putGroupNote(db, {
        sessionId: s.id,
        runId,
        text: W.GROUP_NOTES[Math.min(s.seq - 1, W.GROUP_NOTES.length - 2)] ?? W.GROUP_NOTES[0],
        writtenAt: takenAt,
        writtenBy: by,
      });
  }
  const finalNote = held.at(-1);
  if (closedOn && finalNote)
    putGroupNote(db, {
      sessionId: finalNote.id,
      runId,
      text: W.GROUP_NOTES.at(-1) ?? '',
      writtenAt: stamp(r, finalNote.date),
      writtenBy: by,
    });

  for (const f of families) {
    for (const carer of f.carers)
      writeCarer(ctx, r, ids, {
        runId,
        caseId: f.id,
        personId: carer.id,
        start,
        sessions: held,
        closed: closedOn !== null,
        by,
      });
    writeSafetyPlans(ctx, r, ids, { runId, caseId: f.id, sessions, by });
  }
  return true;
}

/**
 * A first version a little past the middle of the run, reviewed in the first safety-plan session
 * and revised there, the revision reviewed in the last session: each only once its session is held.
 */
function writeSafetyPlans(
  ctx: DemoContext,
  r: Random,
  ids: () => string,
  c: { runId: string; caseId: string; sessions: { id: string; seq: number; date: string }[]; by: string },
): void {
  const n = c.sessions.length;
  const heldOn = (i: number) => {
    const s = c.sessions[i];
    return s && s.date < ctx.today ? s : undefined;
  };
  const versions = [
    { from: heldOn(Math.floor(n * 0.55)), reviewedIn: heldOn(n - 3) },
    { from: heldOn(n - 3), reviewedIn: heldOn(n - 1) },
  ];
  versions.forEach((v, i) => {
    if (!v.from) return;
    const at = stamp(r, v.from.date);
    insertSafetyPlan(ctx.db, {
      id: ids(),
      runId: c.runId,
      caseId: c.caseId,
      versionDate: v.from.date,
      content: W.SAFETY_PLANS[i] ?? W.SAFETY_PLANS[0],
      reviewedInSessionId: v.reviewedIn?.id ?? null,
      createdAt: at,
      createdBy: c.by,
      updatedAt: at,
      updatedBy: c.by,
      version: 1,
    });
  });
}

/** The case and its parents or carers, when it is in (or has finished) work that asked for Safe Home. */
function family(db: Db, reference: string): Family | null {
  const c = stmt(
    db,
    `SELECT c.id, coalesce(c.paperwork_complete_date, c.referral_date) AS start FROM cases c
      WHERE c.reference = ? AND c.consultation_only = 0 AND c.status IN ('active', 'closed')
        AND EXISTS (SELECT 1 FROM case_services s WHERE s.case_id = c.id AND s.service = 'safe_home')`,
  ).get(reference) as { id: string; start: string } | undefined;
  if (!c) return null;
  const carers = stmt(db, `SELECT id FROM case_people WHERE case_id = ? AND kind = 'parent_carer' ORDER BY id`).all(
    c.id,
  ) as { id: string }[];
  return carers.length > 0 ? { id: c.id, start: c.start, carers } : null;
}

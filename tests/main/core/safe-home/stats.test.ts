/**
 * Safe Home completion and drop-out as statistics, on hand-made runs with known answers: the
 * carers of runs closed in the period by outcome (completed, withdrew, dropped out) and the
 * completion rate, agreeing with the run overview's completion of each carer; a run still open,
 * or closed outside the period, does not count; the export suppresses the small numbers.
 */
import { describe, expect, it } from 'vitest';
import type { RunView, ThemeView } from '../../../../preload/contract/safe-home-records';
import type { StatisticsExport, StatisticsResult } from '../../../../preload/contract/stats-records';
import { CARERS_OF_RUNS_ENDED } from '../../../../main/core/safe-home/safe-home.stats';
import { registeredMeasures } from '../../../../main/core/stats/measure-registry';
import { enrol, makeFamily, makeRun, safeHomeCore, takeRegister, type ShFixture } from './fixture';

const f = safeHomeCore();
const AUGUST = { from: '2026-08-01', to: '2026-08-31' };

/** A measure's figures: `total` and each group, by name. */
function figures(
  result: { rows: readonly { measure: string; group: string | null; value: unknown }[] },
  measure: string,
) {
  return Object.fromEntries(result.rows.filter((r) => r.measure === measure).map((r) => [r.group ?? 'total', r.value]));
}

/** Take all 13 registers: everyone attends except as `missed(seq, enrolmentId)` says. */
async function takeAllRegisters(fx: ShFixture, run: RunView, missed: (seq: number, id: string) => boolean) {
  let view = run;
  for (let seq = 1; seq <= 13; seq++) {
    const states: Record<string, { state: string; reason: string }> = {};
    for (const e of view.enrolments)
      if (missed(seq, e.id)) states[e.id] = { state: 'did_not_attend', reason: 'No contact' };
    view = await takeRegister(fx, view, seq, states);
  }
  return view;
}

/** 13 weekly sessions from 01/06/2026; session 12 covers the safety plan (the default rule asks for it). */
async function runWithSafetyPlanSession(fx: ShFixture, title = 'Summer group, north'): Promise<RunView> {
  const themes = await fx.ok<ThemeView[]>('safeHomeTheme:list', {});
  const safetyTheme = themes.find((t) => t.key === 'safety_plan');
  if (!safetyTheme) throw new Error('no safety-plan theme');
  const sessions = Array.from({ length: 13 }, (_, i) => ({
    sessionDate: new Date(Date.UTC(2026, 5, 1 + 7 * i)).toISOString().slice(0, 10),
    themeIds: i === 11 ? [safetyTheme.id] : [themes[i % 7]?.id ?? ''],
  }));
  return makeRun(fx, { title, sessions });
}

async function close(fx: ShFixture, run: RunView, closedOn: string): Promise<RunView> {
  return fx.ok<RunView>('safeHomeRun:close', { runId: run.id, expectedVersion: run.version, closedOn });
}

describe('Safe Home completion and drop-out', () => {
  it('is registered: the carers of ended runs by outcome (a partition), and the completion rate', () => {
    const ended = registeredMeasures().find((m) => m.id === 'safe_home_carers_ended');
    expect(ended).toMatchObject({ unit: 'count', exportable: true });
    expect(ended?.breakdowns).toEqual([{ id: 'outcome', label: 'Outcome', partition: true }]);
    expect(registeredMeasures().find((m) => m.id === 'safe_home_completion_rate')).toMatchObject({
      unit: 'rate',
      exportable: true,
    });
  });

  it('reads the per-carer counts through their covering index, never the register', () => {
    const plan = (
      f.vault().db.prepare(`EXPLAIN QUERY PLAN ${CARERS_OF_RUNS_ENDED}`).all(AUGUST) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join('\n');
    expect(plan).toContain('USING COVERING INDEX safe_home_carer_counts_run');
    expect(plan).not.toContain('safe_home_register');
  });

  it('counts the carers of a run closed in the period by outcome, as the run overview decides it', async () => {
    const marsh = await makeFamily(f, {
      young: ['Tyler', 'Marsh'],
      carers: [
        ['Dawn Marsh', 'Mother'],
        ['Lee Marsh', 'Father'],
      ],
    });
    const osei = await makeFamily(f, { young: ['Kian', 'Osei'], carers: [['Grace Osei', 'Grandmother']] });
    const run = await runWithSafetyPlanSession(f);
    await enrol(f, run.id, marsh, 0);
    await enrol(f, run.id, marsh, 1);
    let view = await enrol(f, run.id, osei);
    const id = (name: string) => view.enrolments.find((e) => e.carerName === name);
    const lee = id('Lee Marsh');
    view = await f.ok<RunView>('safeHomeEnrolment:withdraw', {
      enrolmentId: lee?.id,
      expectedVersion: lee?.version,
      withdrawal: { withdrawnOn: '2026-06-20', reason: 'practical', detail: '' },
    });
    const grace = id('Grace Osei')?.id;
    // Grace misses sessions 1 to 6: 7 of 13 (54 %), under the rule's 75 %.
    view = await takeAllRegisters(f, view, (seq, e) => e === grace && seq <= 6);

    // Before the run ends, nobody's outcome is settled: no carer counts yet.
    let stats = await f.ok<StatisticsResult>('statistics:compute', AUGUST);
    expect(figures(stats, 'safe_home_carers_ended')).toMatchObject({ total: 0 });
    expect(stats.rows.find((r) => r.measure === 'safe_home_completion_rate')).toMatchObject({ value: null, base: 0 });

    // A second run, still open, with a carer who attended: not counted.
    const price = await makeFamily(f, { young: ['Riley', 'Price'], carers: [['Dana Price', 'Mother']] });
    const open = await enrol(f, (await runWithSafetyPlanSession(f, 'Autumn group')).id, price);
    await takeRegister(f, open, 1);

    // Closed on the period's last day: in it.
    view = await close(f, view, '2026-08-31');
    stats = await f.ok<StatisticsResult>('statistics:compute', AUGUST);
    expect(figures(stats, 'safe_home_carers_ended')).toEqual({
      total: 3,
      Completed: 1,
      Withdrew: 1,
      'Dropped out (did not complete)': 1,
    });
    const rate = stats.rows.find((r) => r.measure === 'safe_home_completion_rate');
    expect(rate).toMatchObject({ value: 1 / 3, base: 3, unit: 'rate', baseLabel: 'carers whose run ended' });

    // The same outcomes as the run overview gives each carer.
    const byScreen = view.enrolments.map((e) => e.progress.completion).sort();
    expect(byScreen).toEqual(['completed', 'not_completed', 'withdrawn']);

    // A period ending the day before the run closed does not count it.
    stats = await f.ok<StatisticsResult>('statistics:compute', { from: '2026-06-01', to: '2026-08-30' });
    expect(figures(stats, 'safe_home_carers_ended')).toMatchObject({ total: 0 });
  });

  it('suppresses the small numbers and their complement in the export, and the rate made from them', async () => {
    const families = [];
    for (const [young, carers] of [
      [
        ['Tyler', 'Marsh'],
        [
          ['Dawn Marsh', 'Mother'],
          ['Lee Marsh', 'Father'],
        ],
      ],
      [
        ['Kian', 'Osei'],
        [
          ['Grace Osei', 'Grandmother'],
          ['Kofi Osei', 'Grandfather'],
        ],
      ],
      [
        ['Riley', 'Price'],
        [
          ['Dana Price', 'Mother'],
          ['Sean Price', 'Stepfather'],
        ],
      ],
    ] as [[string, string], [string, string][]][]) {
      families.push(await makeFamily(f, { young, carers }));
    }
    const run = await runWithSafetyPlanSession(f);
    let view = run;
    for (const family of families) {
      await enrol(f, run.id, family, 0);
      view = await enrol(f, run.id, family, 1);
    }
    const sean = view.enrolments.find((e) => e.carerName === 'Sean Price');
    view = await f.ok<RunView>('safeHomeEnrolment:withdraw', {
      enrolmentId: sean?.id,
      expectedVersion: sean?.version,
      withdrawal: { withdrawnOn: '2026-06-20', reason: 'carer_choice', detail: '' },
    });
    view = await takeAllRegisters(f, view, () => false);
    await close(f, view, '2026-08-31');

    const dashboard = await f.ok<StatisticsResult>('statistics:compute', AUGUST);
    expect(figures(dashboard, 'safe_home_carers_ended')).toEqual({
      total: 6,
      Completed: 5,
      Withdrew: 1,
      'Dropped out (did not complete)': 0,
    });

    const published = await f.ok<StatisticsExport>('statistics:export', AUGUST);
    // One withdrew: "<5" alone would be 6 - 5 = 1, and withholding the 5 as well leaves the "<5"
    // and the "[c]" adding up to 6, which only 1 and 5 do; so the whole breakdown is withheld.
    expect(figures(published, 'safe_home_carers_ended')).toEqual({
      total: 6,
      Completed: '[c]',
      Withdrew: '[c]',
      'Dropped out (did not complete)': '[c]',
    });
    expect(figures(published, 'safe_home_completion_rate')).toEqual({ total: '[c]' });
    expect(published.csv).toContain('safe_home_carers_ended,outcome,Withdrew,2026-08-01,2026-08-31,[c],count');
    // No carer's or family's name in the CSV.
    for (const name of ['Marsh', 'Osei', 'Price', 'Sean', 'Dawn']) expect(published.csv).not.toContain(name);
  });
});

/**
 * Demo training: a year of events (two to four a month) for realistic sectors, a few reused
 * packages whose materials move on during the year, evaluations with confidence mostly rising;
 * every event reads back through the service (so each stored value passes the contract's rules),
 * and a second run adds none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { trainingEventSchema, type TrainingSector } from '../../../../preload/contract/training';
import { generateDemoData } from '../../../../main/core/demo/generate';
import { writeDemoTraining } from '../../../../main/core/demo/training';
import { getTrainingEvent, listTrainingPackages } from '../../../../main/core/training/training.service';
import { makeVault, type TestVault } from '../cases/fixtures';

let t: TestVault;
beforeAll(async () => {
  t = await makeVault('2025-12-31T12:00:00Z');
  generateDemoData(t.vault, { cases: 20, seed: 'training', batchSize: 20, notesPerCase: [0, 1] });
}, 120_000);
afterAll(() => t.cleanup());

const all = <T>(sql: string) => t.vault.db.prepare(sql).all() as T[];

describe('demo training', () => {
  it('spreads two to four events over each of the twelve months before the reference date', () => {
    const months = all<{ month: string; n: number }>(
      'SELECT substr(start_date, 1, 7) AS month, count(*) AS n FROM training_events GROUP BY month ORDER BY month',
    );
    expect(months.map((m) => m.month)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
    ]);
    for (const m of months) {
      expect(m.n).toBeGreaterThanOrEqual(2);
      expect(m.n).toBeLessThanOrEqual(4);
    }
  });

  it('reuses a few packages, some on a later materials version, across several sectors', () => {
    const packages = listTrainingPackages(t.vault);
    expect(packages.length).toBeGreaterThanOrEqual(3);
    expect(packages.filter((p) => p.eventCount >= 3).length).toBeGreaterThanOrEqual(3);
    expect(packages.some((p) => p.currentMaterialsVersion > 1)).toBe(true);
    const versions = all<{ v: number }>('SELECT DISTINCT materials_version AS v FROM training_events');
    expect(versions.length).toBeGreaterThan(1);
    const sectors = new Set(all<{ sector: TrainingSector }>('SELECT sector FROM training_events').map((r) => r.sector));
    expect(sectors.size).toBeGreaterThanOrEqual(5);
  });

  it('writes events that read back and pass the contract, with confidence rising after most', () => {
    const ids = all<{ id: string }>('SELECT id FROM training_events');
    let rose = 0;
    let both = 0;
    for (const { id } of ids) {
      const e = getTrainingEvent(t.vault, id);
      const checked = trainingEventSchema.safeParse({
        title: e.title,
        packageId: e.packageId,
        tailoring: e.tailoring,
        organisation: e.organisation,
        sector: e.sector,
        startDate: e.startDate,
        endDate: e.endDate,
        delivery: e.delivery,
        trainerIds: e.trainerIds,
        coTrainers: e.coTrainers,
        attendees: e.attendees,
        evaluationsReturned: e.evaluationsReturned,
        preConfidence: e.preConfidence,
        postConfidence: e.postConfidence,
        themes: e.themes,
        materialsVersion: e.materialsVersion,
      });
      expect(checked.success, checked.success ? '' : checked.error.message).toBe(true);
      if (e.preConfidence !== null && e.postConfidence !== null) {
        both++;
        if (e.postConfidence > e.preConfidence) rose++;
      }
    }
    expect(both).toBeGreaterThan(10);
    expect(rose / both).toBeGreaterThan(0.75);
  });

  it('adds nothing the second time, and sums itself up in one audit row', () => {
    const before = all<{ n: number }>('SELECT count(*) AS n FROM training_events')[0]?.n;
    expect(writeDemoTraining(t.vault, 'training', '2025-12-31', [])).toEqual({ packages: 0, events: 0 });
    expect(all<{ n: number }>('SELECT count(*) AS n FROM training_events')[0]?.n).toBe(before);
    expect(all<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'demo.training'")[0]?.n).toBe(1);
  });
});

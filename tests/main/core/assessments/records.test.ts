import { describe, expect, it } from 'vitest';
import {
  assessmentRecord,
  behaviourRecord,
  recommendationRecord,
  stageRecord,
} from '../../../../main/core/assessments/assessments.records';
import { canSignOff } from '../../../../main/core/assessments/assessments.rules';
import { tableMismatches } from '../../../../main/core/db/record';
import { behaviourSchema } from '../../../../preload/contract/assessment-records';
import {
  BROOK_VERSIONS,
  brookBandFor,
  brookProblem,
  isHarmfulLevel,
} from '../../../../preload/contract/hsb-frameworks';
import { makeVault } from '../cases/fixtures';

describe('the assessment records', () => {
  it('agree with the tables migration 90 built', async () => {
    const t = await makeVault();
    try {
      for (const def of [assessmentRecord, stageRecord, behaviourRecord, recommendationRecord]) {
        expect(tableMismatches(t.vault.db, def), def.table).toEqual([]);
      }
      const strict = t.vault.db
        .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'assessment%'`)
        .all() as { name: string; sql: string }[];
      expect(strict.map((s) => s.name).sort()).toEqual([
        'assessment_behaviours',
        'assessment_recommendations',
        'assessment_stages',
        'assessments',
      ]);
      for (const s of strict) expect(s.sql).toMatch(/\)\s*STRICT\s*$/);
    } finally {
      t.cleanup();
    }
  });
});

describe('the Brook traffic light lookup', () => {
  const behaviour = {
    occurredOn: '2025-03-01',
    description: 'Described.',
    setting: 'School',
    hackett: 'problematic',
  } as const;

  it('accepts a colour and band of the version chosen, and nothing at all', () => {
    expect(brookProblem('2012', '13-17', 'amber')).toBeNull();
    expect(brookProblem('2020', '14-18', 'orange')).toBeNull();
    expect(brookProblem(null, null, null)).toBeNull();
    expect(
      behaviourSchema.safeParse({ ...behaviour, brookVersion: '2012', brookBand: '9-13', brookColour: 'red' }).success,
    ).toBe(true);
  });

  it('refuses a colour or band from another version, or a part missing, saying why', () => {
    expect(brookProblem('2012', '13-17', 'orange')).toBe(
      'The 2012 Brook tool does not use orange. Its colours are green, amber, red.',
    );
    expect(brookProblem('2020', '13-17', 'red')).toMatch(
      /no age band 13-17\. Its bands are 0-2, 3-5, 6-9, 10-13, 14-18/,
    );
    expect(brookProblem('2012', null, 'red')).toMatch(/together, or none of them/);
    const parsed = behaviourSchema.safeParse({
      ...behaviour,
      brookVersion: '2020',
      brookBand: '14-18',
      brookColour: 'amber',
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toMatch(/2020 Brook tool does not use amber/);
  });

  it('offers the band an age falls in, the older band at a shared end', () => {
    expect(brookBandFor('2012', 4)).toBe('0-5');
    expect(brookBandFor('2012', 9)).toBe('9-13');
    expect(brookBandFor('2012', 15)).toBe('13-17');
    expect(brookBandFor('2012', 19)).toBe('13-17');
    expect(brookBandFor('2020', 15)).toBe('14-18');
    expect(brookBandFor('2020', 1)).toBe('0-2');
  });

  it('has four 2012 bands and five 2020 bands, and counts problematic and above as HSB', () => {
    expect(BROOK_VERSIONS['2012'].bands).toHaveLength(4);
    expect(BROOK_VERSIONS['2020'].bands).toHaveLength(5);
    expect(isHarmfulLevel('inappropriate')).toBe(false);
    expect(isHarmfulLevel('problematic')).toBe(true);
  });
});

describe('canSignOff', () => {
  const complete = {
    formulation: 'Understanding.',
    riskToOthers: 'high',
    riskToSelf: 'low',
    riskFromOthers: 'medium',
    recommendations: [
      { group: 'case_management' },
      { group: 'safety_planning' },
      { group: 'placement' },
      { group: 'treatment' },
    ],
  } as const;

  it('returns no reasons when every group has an item, the formulation is written and risks rated', () => {
    expect(canSignOff(complete)).toEqual([]);
  });

  it('names each group without a recommendation', () => {
    expect(canSignOff({ ...complete, recommendations: [{ group: 'treatment' }] })).toEqual([
      'Add at least one case management recommendation.',
      'Add at least one safety planning recommendation.',
      'Add at least one placement recommendation.',
    ]);
  });

  it('asks for the formulation and the unrated risks', () => {
    expect(canSignOff({ ...complete, formulation: '  ', riskToSelf: null })).toEqual([
      'Write the formulation.',
      'Rate the risk of harm to self.',
    ]);
  });
});

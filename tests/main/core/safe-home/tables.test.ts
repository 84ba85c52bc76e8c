/**
 * Migration 130 and the Safe Home record definitions: each definition matches its migrated
 * table, the published themes are seeded with fixed ids, and the default completion rule is set.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededThemeId } from '../../../../main/core/db/migrations/m0130-safe-home';
import { tableMismatches } from '../../../../main/core/db/record';
import { listThemes, readCompletionRule } from '../../../../main/core/safe-home/runs.repo';
import * as records from '../../../../main/core/safe-home/safe-home.records';
import { DEFAULT_COMPLETION_RULE, SEEDED_THEMES } from '../../../../preload/contract/safe-home-records';
import { idSchema } from '../../../../preload/contract/common';
import type { OpenVault } from '../../../../main/core/vault/vault';
import { newVault, tempDirs, vaultDirIn } from '../temp-vault';

describe('Safe Home tables (migration 130)', () => {
  const dirs = tempDirs('ncats-safe-home-tables-');
  let vault: OpenVault;
  beforeEach(async () => {
    vault = (await newVault(vaultDirIn(dirs.make()))).vault;
  });
  afterEach(() => {
    vault.close();
    dirs.cleanup();
  });

  it('has a record definition matching each of its eight tables', () => {
    const defs = Object.values(records);
    expect(defs.map((d) => d.table).sort()).toEqual([
      'safe_home_enrolments',
      'safe_home_goals',
      'safe_home_group_notes',
      'safe_home_register',
      'safe_home_runs',
      'safe_home_safety_plans',
      'safe_home_sessions',
      'safe_home_themes',
    ]);
    for (const def of defs) expect(tableMismatches(vault.db, def)).toEqual([]);
  });

  it('seeds the published themes in order, with fixed valid ids and their keys', () => {
    const themes = listThemes(vault.db);
    expect(themes.map((t) => [t.key, t.label, t.aim])).toEqual(SEEDED_THEMES.map((t) => [t.key, t.label, t.aim]));
    themes.forEach((t, i) => {
      expect(t.id).toBe(seededThemeId(i));
      expect(idSchema.safeParse(t.id).success).toBe(true);
      expect(t.active).toBe(true);
    });
  });

  it('sets the default completion rule: 75 % of sessions and the safety-plan session', () => {
    expect(readCompletionRule(vault.db)).toEqual(DEFAULT_COMPLETION_RULE);
    expect(DEFAULT_COMPLETION_RULE).toEqual({ minAttendancePercent: 75, requireSafetyPlanSession: true });
  });

  it('keeps family rows tied to their case: a register entry needs its enrolment and case', () => {
    expect(() =>
      vault.db
        .prepare(
          `INSERT INTO safe_home_register (id, case_id, session_id, enrolment_id, state, reason, cancelled_at, carer_note, updated_at, updated_by)
           VALUES ('r', 'no-case', 'no-session', 'no-enrolment', 'attended', NULL, NULL, '', 'x', 'y')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
  });
});

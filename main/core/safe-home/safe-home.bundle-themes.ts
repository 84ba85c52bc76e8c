/**
 * The themes a case's Safe Home sessions cover, so that a session's themes mean something on a
 * laptop that lacks a theme an administrator added here. The seeded themes have the same ids in
 * every vault and are always present; an added one is inserted at the end of the list and never
 * changed by a bundle afterwards (the theme list is each service's administrators' to edit).
 */
import { z } from 'zod';
import type { BundleModule, BundleRecord } from '../bundles/registry';
import { CARRIED_SESSIONS } from './safe-home.bundle-sql';
import { themeRecord } from './safe-home.records';

const columns = themeRecord.storedSchemas(['id', 'version', 'position', 'updated_at']);
type ThemeRecord = BundleRecord & z.infer<z.ZodObject<typeof columns>>;

const SELECT = 't.id, t.version, t.key, t.label, t.aim, t.active';

export const safeHomeThemesModule: BundleModule<ThemeRecord> = {
  name: 'safe-home-themes',
  schemaVersion: 1,
  insertOnly: true,
  schema: z.object({ id: z.uuid(), version: z.int().min(1), ...columns }).strict() as unknown as z.ZodType<ThemeRecord>,
  collect: (db, caseId) =>
    db
      .prepare(
        `SELECT ${SELECT} FROM safe_home_themes t WHERE t.id IN (
           SELECT j.value FROM safe_home_sessions s, json_each(s.theme_ids) j WHERE s.id IN (${CARRIED_SESSIONS})
           UNION SELECT j.value FROM safe_home_sessions s, json_each(s.covered_theme_ids) j
             WHERE s.id IN (${CARRIED_SESSIONS}) AND s.covered_theme_ids IS NOT NULL)
         ORDER BY t.position`,
      )
      .all({ caseId }) as ThemeRecord[],
  get: (db, id) =>
    (db.prepare(`SELECT ${SELECT} FROM safe_home_themes t WHERE t.id = ?`).get(id) as ThemeRecord | undefined) ?? null,
  belongsTo: () => true,
  insert(db, r, ctx) {
    db.prepare(
      `INSERT INTO safe_home_themes (id, key, label, aim, active, position, updated_at, version)
       VALUES (@id, @key, @label, @aim, @active, (SELECT coalesce(max(position), 0) + 1 FROM safe_home_themes), @at, @version)`,
    ).run({ ...r, at: ctx.now });
  },
  update: () => undefined,
};

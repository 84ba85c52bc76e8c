/**
 * Fields whose meaning is the harmed person ("who was harmed"): third-party information by
 * definition, so the requester's copy never shows them, whether or not the clinician flagged the
 * record. A registry a module fills from its own folder (the assessments fill it in
 * `../../assessments/assessments.subject-access.ts`), so a later module with a victim field adds
 * one call and the subject access request withholds it.
 */
import type { Db } from '../../db/connection';
import { stmt } from '../../db/statements';

/** One recorded victim field of a chronology event's entity. */
export interface VictimField {
  /** How the form labels it ("Who was harmed"). */
  label: string;
  value: string;
}

/**
 * SQL giving `entity_id`, `label` and `value` for each victim field recorded on `@caseId`, where
 * `entity_id` is the id the module's chronology events carry (so the field is withheld from the
 * item that event becomes).
 */
const victimFieldSql: string[] = [];

export function registerVictimField(sql: string): void {
  victimFieldSql.push(sql);
}

/** The case's victim fields, by the entity whose chronology event they belong to. */
export function readVictimFields(db: Db, caseId: string): Map<string, VictimField[]> {
  const byEntity = new Map<string, VictimField[]>();
  if (victimFieldSql.length === 0) return byEntity;
  const rows = stmt(db, victimFieldSql.join('\nUNION ALL\n')).all({ caseId }) as {
    entity_id: string;
    label: string;
    value: string | null;
  }[];
  for (const r of rows) {
    const value = (r.value ?? '').trim();
    if (!value) continue;
    const fields = byEntity.get(r.entity_id) ?? [];
    fields.push({ label: r.label, value });
    byEntity.set(r.entity_id, fields);
  }
  return byEntity;
}

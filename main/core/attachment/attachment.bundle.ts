/**
 * The attachment assessment in case bundles: the assessment (formulation, strategy summary) and
 * its procedures, columns taken from the record definitions. Recordings are the case's documents,
 * which travel in their own module (applied before the procedures that name them).
 *
 * Incoming procedures are checked like the router's input, by the contract's pure DMM rules: a
 * crafted bundle cannot bring a code, a modifier or a CARE-Index sheet that the procedure does
 * not take, which the receiving vault's screens and reports would then show as if coded.
 */
import {
  DMM_PROCEDURES,
  careIndexProblem,
  classificationProblem,
  modifiersProblem,
  procedureLabel,
  type DmmModifierEntry,
  type DmmProcedureCode,
} from '../../../preload/contract/dmm';
import type { Db } from '../db/connection';
import type { BundleModule } from '../bundles/registry';
import { recordModule } from '../bundles/modules/record-module';
import type { Row } from '../bundles/modules/table-module';
import { ukDate } from '../bundles/summary';
import { attachmentRecord, procedureRecord } from './attachment.records';

const attachmentBase = recordModule(attachmentRecord, {
  name: 'attachment',
  schemaVersion: 1,
  after: ['case', 'users'],
  order: 't.opened_at',
  summarise: (rows) => [
    { heading: 'Attachment (DMM) assessment', lines: rows.map((r) => `Opened ${ukDate(r.opened_at.slice(0, 10))}`) },
  ],
});

/** The local attachment assessment of a case, if any: there is one per case. */
function localAttachment(
  db: Db,
  caseId: string,
): { id: string; formulation: string | null; strategy_summary: string | null } | null {
  return (
    (db
      .prepare('SELECT id, formulation, strategy_summary FROM attachment_assessments WHERE case_id = ?')
      .get(caseId) as { id: string; formulation: string | null; strategy_summary: string | null } | undefined) ?? null
  );
}

/** The local text with the incoming text added below it, once (a later bundle does not add it again). */
function merged(local: string | null, incoming: unknown, on: string): string | null {
  if (typeof incoming !== 'string' || incoming.trim() === '' || (local ?? '').includes(incoming)) return local;
  const added = `From a bundle received on ${ukDate(on.slice(0, 10))}:\n\n${incoming}`;
  return local ? `${local}\n\n${added}` : added;
}

/**
 * Both vaults may have started the case's one attachment assessment on their own (different
 * ids). Then the local one stays, and the sender's formulation and strategy summary are added
 * below the local text, marked as from the bundle, so nothing is lost and nothing is doubled.
 */
export const attachmentModule: BundleModule<Row> = {
  ...attachmentBase,
  insert(db, record, ctx) {
    const local = localAttachment(db, String(record.case_id));
    if (!local) return attachmentBase.insert(db, record, ctx);
    db.prepare(
      `UPDATE attachment_assessments SET formulation = ?, strategy_summary = ?, updated_at = ?, updated_by = ?,
         version = version + 1 WHERE id = ?`,
    ).run(
      merged(local.formulation, record.formulation, ctx.now),
      merged(local.strategy_summary, record.strategy_summary, ctx.now),
      ctx.now,
      ctx.userId,
      local.id,
    );
  },
};

const procedureBase = recordModule(procedureRecord, {
  name: 'attachment-procedures',
  schemaVersion: 1,
  after: ['attachment', 'people', 'documents'],
  order: 't.administered_on, t.id',
  summarise: (rows) => [
    {
      heading: `Attachment procedures (${rows.length})`,
      lines: rows.map(
        (r) =>
          `${ukDate(r.administered_on)}: ${procedureLabel(r.procedure)}${r.classification ? `, ${r.classification}` : ''}`,
      ),
    },
  ],
});

/** Why an incoming procedure row does not hold together by the DMM's rules, or null. */
export function procedureRowProblem(row: Row): string | null {
  const procedure = row.procedure as DmmProcedureCode;
  if (!Object.hasOwn(DMM_PROCEDURES, procedure)) return null; // the column schema refuses it
  const classification = typeof row.classification === 'string' ? row.classification : null;
  const classProblem = classificationProblem(procedure, classification);
  if (classProblem) return classProblem;
  try {
    const modifiers = JSON.parse(String(row.modifiers)) as DmmModifierEntry[];
    const modProblem = Array.isArray(modifiers) ? modifiersProblem(procedure, modifiers) : null;
    if (modProblem) return modProblem;
    if (row.care_index !== null && row.care_index !== undefined) {
      const sheet = JSON.parse(String(row.care_index)) as {
        adult: Record<string, number>;
        child: Record<string, number>;
      };
      return careIndexProblem(procedure, sheet.adult ?? {}, sheet.child ?? {});
    }
  } catch {
    // Not JSON: the column's stored schema has already refused it.
    return null;
  }
  return null;
}

/** A procedure joins the case's local attachment assessment, whichever vault started it. */
function withLocalAttachment(db: Db, record: Row): Row {
  const local = localAttachment(db, String(record.case_id));
  return local ? { ...record, attachment_id: local.id } : record;
}

export const attachmentProceduresModule: BundleModule<Row> = {
  ...procedureBase,
  insert: (db, record, ctx) => procedureBase.insert(db, withLocalAttachment(db, record), ctx),
  update: (db, record, ctx) => procedureBase.update(db, withLocalAttachment(db, record), ctx),
  schema: procedureBase.schema.superRefine((row, ctx) => {
    const problem = procedureRowProblem(row);
    if (problem) ctx.addIssue({ code: 'custom', message: problem, path: ['classification'] });
  }),
};

/** The attachment module's bundle modules, in the order they apply. */
export const attachmentBundleModules = [attachmentModule, attachmentProceduresModule] as const;

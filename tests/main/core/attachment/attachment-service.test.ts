/**
 * Attachment procedures through the router on a real encrypted vault: opening the one
 * assessment per case, adding, changing and removing procedures with the case's rules (subject,
 * figure, recordings, CARE-Index sheet, warnings acknowledged with who and when), the audit rows,
 * reads audited as reads of the case, and read-only users refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AttachmentView, ProcedureView } from '../../../../preload/contract';
import { tableMismatches } from '../../../../main/core/db/record';
import { attachmentRecord, procedureRecord } from '../../../../main/core/attachment/attachment.records';
import { tempDirs } from '../temp-vault';
import { aaiOfMother, attachmentCase, saaWithMother, type AttachmentCase } from './attachment-fixture';

const dirs = tempDirs('ncats-attachment-');
let c: AttachmentCase;

beforeEach(async () => {
  c = await attachmentCase(dirs.make());
});
afterEach(() => {
  c.l.core.manager.dispose();
  dirs.cleanup();
});

function audit(action: string): { case_id: string | null; detail: string }[] {
  return c.l.core.manager
    .current()
    .db.prepare('SELECT case_id, detail FROM audit_log WHERE action = ? ORDER BY seq')
    .all(action) as { case_id: string | null; detail: string }[];
}

const add = (procedure: unknown, acknowledgeWarnings = false) =>
  c.l.raw('attachment:addProcedure', { caseId: c.caseId, procedure, acknowledgeWarnings });

describe('the attachment assessment', () => {
  it('matches the tables migration 110 built', () => {
    const db = c.l.core.manager.current().db;
    expect(tableMismatches(db, attachmentRecord)).toEqual([]);
    expect(tableMismatches(db, procedureRecord)).toEqual([]);
  });

  it('is null until opened, opens once per case, and keeps the formulation with a version check', async () => {
    expect(await c.l.call('attachment:get', { caseId: c.caseId })).toBeNull();
    const opened = await c.l.call<AttachmentView>('attachment:open', { caseId: c.caseId });
    const again = await c.l.call<AttachmentView>('attachment:open', { caseId: c.caseId });
    expect(again.id).toBe(opened.id);
    expect(audit('attachment.open')).toHaveLength(1);
    const updated = await c.l.call<AttachmentView>('attachment:update', {
      caseId: c.caseId,
      expectedVersion: 1,
      fields: { formulation: 'Sam’s behaviour makes sense as…', strategySummary: 'A compulsive strategy.' },
    });
    expect(updated).toMatchObject({ formulation: 'Sam’s behaviour makes sense as…', version: 2 });
    const stale = await c.l.raw('attachment:update', { caseId: c.caseId, expectedVersion: 1, fields: {} });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(audit('attachment.update')[0]?.detail).not.toContain('compulsive');
  });
});

describe('procedures', () => {
  it('adds an SAA of the young person with the mother, and reads it with its meaning and tier', async () => {
    const made = await c.l.call<ProcedureView>('attachment:addProcedure', {
      caseId: c.caseId,
      procedure: saaWithMother(c),
    });
    expect(made).toMatchObject({
      procedure: 'SAA',
      procedureLabel: 'SAA (School-age Assessment of Attachment)',
      subjectName: 'Sam Hughes',
      relationship: 'Young person',
      figureLabel: 'with Mother (Dana Hughes)',
      ageMonths: 10 * 12 + 4,
      classification: 'B3',
      classificationMeaning: 'comfortably balanced',
      tier: 'normative',
      administeredByName: 'Ada Admin',
      warnings: [],
      version: 1,
    });
    const view = await c.l.call<AttachmentView>('attachment:get', { caseId: c.caseId });
    expect(view.procedures.map((p) => p.id)).toEqual([made.id]);
    expect(audit('attachment.procedure.add')).toHaveLength(1);
  });
});

describe('the rules against the case', () => {
  it('adds a DMM-AAI of the mother with its modifier, tiered high', async () => {
    const made = await add(aaiOfMother(c));
    expect(made.ok && (made.value as ProcedureView)).toMatchObject({
      subjectName: 'Dana Hughes',
      relationship: 'Mother',
      figureLabel: null,
      classification: 'A4/C5',
      tier: 'high',
      modifiers: [{ code: 'Utr', text: 'Utr (violence by her stepfather: dismissed, blocked)' }],
    });
  });

  it('asks for confirmation of an age warning, then keeps it with who acknowledged it and when', async () => {
    // Sam was 13 years 9 months on 03/02/2026: older than the SAA's range.
    const late = saaWithMother(c, { administeredOn: '2026-02-03' });
    const first = await add(late);
    expect(first).toMatchObject({ ok: false, error: { code: 'CONFIRMATION_REQUIRED' } });
    expect(!first.ok && first.error.message).toContain(
      '13 years 9 months old; the School-age Assessment of Attachment is for about 5-12 years',
    );
    expect((await c.l.call<AttachmentView | null>('attachment:get', { caseId: c.caseId }))?.procedures ?? []).toEqual(
      [],
    );
    const saved = await add(late, true);
    expect(saved.ok && (saved.value as ProcedureView).warnings).toEqual([
      expect.objectContaining({ key: 'age-outside-procedure', acknowledgedByName: 'Ada Admin' }),
    ]);
  });
});

/** The administrator-editable paperwork checklist, and what a change does to running clocks. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { savePaperworkType, setPaperworkReceived } from '../../../../main/core/cases/paperwork.service';
import { listPaperworkTypes } from '../../../../main/core/cases/paperwork.repo';
import { loadCaseDetail } from '../../../../main/core/cases/cases.service';
import { auditActions, makeVault, newCase, type TestVault } from './fixtures';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

const REQUIRED = ['referral_form', 'chronology', 'police_disclosure', 'school_report', 'social_care_assessment'];

function receiveAll(caseId: string) {
  for (const typeId of REQUIRED)
    setPaperworkReceived(t.vault, {
      caseId,
      typeId,
      receivedDate: '2025-06-01',
      notes: null,
      acknowledgeBeforeReferral: false,
    });
}

describe('paperwork checklist types', () => {
  it('adds, renames and retires items, audited', () => {
    const added = savePaperworkType(t.vault, { name: 'YOT report', required: true, retired: false });
    const yot = added.find((p) => p.name === 'YOT report');
    expect(yot).toMatchObject({ required: true });
    expect(yot?.sortOrder).toBeGreaterThan(60);

    const renamed = savePaperworkType(t.vault, {
      id: yot?.id,
      name: 'Youth offending team report',
      required: false,
      retired: false,
    });
    expect(renamed.find((p) => p.id === yot?.id)).toMatchObject({
      name: 'Youth offending team report',
      required: false,
    });

    const retired = savePaperworkType(t.vault, {
      id: 'health_camhs_report',
      name: 'Health / CAMHS report',
      required: false,
      retired: true,
    });
    expect(retired.map((p) => p.id)).not.toContain('health_camhs_report');
    expect(listPaperworkTypes(t.vault.db)).toHaveLength(6);
    expect(auditActions(t.vault)).toEqual(expect.arrayContaining(['paperwork_type.create', 'paperwork_type.update']));
  });

  it('refuses to change an item that does not exist', () => {
    expect(() => savePaperworkType(t.vault, { id: 'nope', name: 'Nothing', required: true, retired: false })).toThrow(
      /not on the checklist/,
    );
  });

  it('does not move the due date of a clock already running; new cases need the new item', () => {
    const running = newCase(t.vault);
    receiveAll(running.id);
    const before = loadCaseDetail(t.vault.db, running.id, '2025-06-15').clock;
    expect(before.assessmentDueDate).toBe('2025-08-24');

    savePaperworkType(t.vault, { name: 'Court report', required: true, retired: false });
    expect(loadCaseDetail(t.vault.db, running.id, '2025-06-15').clock).toEqual(before);

    const later = newCase(t.vault, {}, { givenName: 'Ben', familyName: 'Owusu' });
    receiveAll(later.id);
    expect(loadCaseDetail(t.vault.db, later.id, '2025-06-15').clock.status).toBe('not_started');
  });
});

/**
 * Single consultations against a real encrypted vault: recording, editing with versions,
 * validation in UK English, audit rows in the write's transaction, sign-off locking the record,
 * addenda, signing again, and the Consultations area's list.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consultationSchema } from '../../../../preload/contract/consultations';
import {
  addConsultationAddendum,
  createConsultation,
  listAllConsultations,
  listCaseConsultations,
  signConsultation,
  updateConsultation,
} from '../../../../main/core/consultations/consultations.service';
import { tableMismatches } from '../../../../main/core/db/record';
import {
  agreementRecord,
  consultationRecord,
  discussedCaseRecord,
  sessionRecord,
} from '../../../../main/core/consultations/consultations.records';
import { addendumRecord, signedContents, signoffRecord } from '../../../../main/core/reports/signoff/signoff';
import { addPerson } from '../../../../main/core/cases/people.service';
import { auditActions, makeVault, newCase, type TestVault } from '../cases/fixtures';
import { consultation, networkCase, type NetworkCase } from './fixtures';

let t: TestVault;
let n: NetworkCase;

beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
  n = await networkCase(t.vault);
});
afterEach(() => t.cleanup());

function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (err) {
    return err as { code: string; message: string };
  }
  throw new Error('expected an error');
}

describe('consultation records', () => {
  it('match the tables the migrations built', () => {
    for (const def of [
      consultationRecord,
      agreementRecord,
      sessionRecord,
      discussedCaseRecord,
      signoffRecord,
      addendumRecord,
    ]) {
      expect(tableMismatches(t.vault.db, def), def.table).toEqual([]);
    }
  });
});

describe('a single consultation', () => {
  it('is recorded with its attendees and documents, and every read and write is audited', () => {
    const made = createConsultation(t.vault, n.caseId, consultation(n));
    expect(made.attendees.map((a) => a.name)).toEqual(['Priya Shah', 'DC Tom Reed', 'Dana Flagged']);
    expect(made.documents).toEqual([{ id: n.documentId, title: 'Strategy meeting minutes' }]);
    expect(made.signoff).toMatchObject({ locked: false, signedVersions: [], addenda: [] });
    const listed = listCaseConsultations(t.vault, n.caseId);
    expect(listed.map((c) => c.id)).toEqual([made.id]);
    expect(auditActions(t.vault, n.caseId).slice(-2)).toEqual(['consultation.create', 'case.read']);
  });

  it('refuses attendees from outside the case network, future dates and a missing reason, in plain words', () => {
    const other = newCaseWithPerson();
    expect(
      errorOf(() => createConsultation(t.vault, n.caseId, consultation(n, { attendeeIds: [other] }))).message,
    ).toMatch(/Attendees must be professionals on this case’s People tab/);
    expect(
      errorOf(() => createConsultation(t.vault, n.caseId, consultation(n, { meetingDate: '2025-07-01' }))).message,
    ).toMatch(/meeting date is in the future/);
    const parsed = consultationSchema.safeParse({
      ...consultation(n),
      suitability: 'not_suitable',
      suitabilityReason: null,
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('Say why the young person is not suitable for the service.');
    // Nothing was written by the refused attempts.
    expect(listCaseConsultations(t.vault, n.caseId)).toEqual([]);
  });

  it('is edited against its version: a stale version is a CONFLICT and loses nothing', () => {
    const made = createConsultation(t.vault, n.caseId, consultation(n));
    const edited = updateConsultation(t.vault, made.id, 1, consultation(n, { suitability: 'assessment_now' }));
    expect(edited).toMatchObject({ version: 2, suitability: 'assessment_now', suitabilityReason: null });
    const stale = errorOf(() => updateConsultation(t.vault, made.id, 1, consultation(n, { discussion: 'Lost?' })));
    expect(stale.code).toBe('CONFLICT');
    expect(listCaseConsultations(t.vault, n.caseId)[0]?.discussion).toBe(made.discussion);
  });

  it('is locked by sign-off, takes corrections as addenda, and keeps every signed version', () => {
    const made = createConsultation(t.vault, n.caseId, consultation(n));
    const signed = signConsultation(t.vault, made.id, made.version);
    expect(signed.signoff).toMatchObject({ locked: true, canSignAgain: false });
    expect(signed.signoff.signedVersions).toEqual([
      { signedVersion: 1, signedByName: 'Ada Admin', signedAt: '2025-06-15T10:00:00.000Z' },
    ]);

    const refused = errorOf(() =>
      updateConsultation(t.vault, made.id, made.version, consultation(n, { discussion: 'x' })),
    );
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toBe(
      'This consultation was signed off by Ada Admin on 15/06/2025 11:00, so it can no longer be changed. Add an addendum to correct it.',
    );
    expect(errorOf(() => signConsultation(t.vault, made.id, made.version)).message).toMatch(/already signed off/);

    t.setNow('2025-06-16T09:00:00Z');
    const corrected = addConsultationAddendum(t.vault, made.id, 'DC Reed attended for the first half only.');
    expect(corrected.signoff).toMatchObject({ canSignAgain: true });
    expect(corrected.signoff.addenda.map((a) => a.text)).toEqual(['DC Reed attended for the first half only.']);
    const again = signConsultation(t.vault, made.id, made.version);
    expect(again.signoff.signedVersions.map((v) => v.signedVersion)).toEqual([1, 2]);
    const contents = signedContents(t.vault.db, 'consultation', made.id) as {
      content: { record: { discussion: string }; addenda: { text: string }[] };
    }[];
    expect(contents.map((c) => c.content.addenda.length)).toEqual([0, 1]);
    expect(contents[0]?.content.record.discussion).toBe(made.discussion);
    expect(auditActions(t.vault, n.caseId).filter((a) => a.startsWith('report.'))).toEqual([
      'report.sign',
      'report.addendum',
      'report.sign',
    ]);
  });

  it('takes no addendum before sign-off', () => {
    const made = createConsultation(t.vault, n.caseId, consultation(n));
    expect(errorOf(() => addConsultationAddendum(t.vault, made.id, 'Too early')).message).toMatch(
      /not been signed off yet/,
    );
  });

  it('is listed across cases, newest meeting first, with paging and one audit row a page', () => {
    createConsultation(t.vault, n.caseId, consultation(n, { meetingDate: '2025-05-01' }));
    const second = createConsultation(t.vault, n.caseId, consultation(n, { meetingDate: '2025-06-01' }));
    signConsultation(t.vault, second.id, second.version);
    const page = listAllConsultations(t.vault, 1, 0);
    expect(page.total).toBe(2);
    expect(page.items).toEqual([
      expect.objectContaining({
        caseReference: n.reference,
        meetingDate: '2025-06-01',
        suitability: 'later',
        signed: true,
        youngPersonName: 'Amelia Hughes',
      }),
    ]);
    expect(listAllConsultations(t.vault, 1, 1).items[0]).toMatchObject({ meetingDate: '2025-05-01', signed: false });
    expect(auditActions(t.vault).filter((a) => a === 'consultation.list')).toHaveLength(2);
  });
});

/** A professional on another case: the rule is about the case, not the kind of person. */
function newCaseWithPerson(): string {
  const other = newCase(t.vault, {}, { givenName: 'Other', familyName: 'Child' });
  return addPerson(t.vault, other.id, { kind: 'professional', name: 'Someone Else', role: 'school' }).id;
}

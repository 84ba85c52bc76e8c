/**
 * Batch (ongoing) consultations against a real vault: agreements listed with their next
 * session, sessions with linked and anonymous cases, and a linked case's chronology naming the
 * organisation only - never the other cases discussed nor what was said about them.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../../main/core/core';
import { agreementSchema, sessionSchema } from '../../../../preload/contract/consultations';
import {
  addSession,
  createAgreement,
  getAgreement,
  listAgreements,
  updateAgreement,
} from '../../../../main/core/consultations/batch.service';
import { createConsultation, signConsultation } from '../../../../main/core/consultations/consultations.service';
import { getChronology } from '../../../../main/core/notes/chronology';
import { auditActions, makeVault, newCase, type TestVault } from '../cases/fixtures';
import { consultation, networkCase } from './fixtures';

let t: TestVault;
beforeEach(async () => {
  t = await makeVault('2025-06-15T10:00:00Z');
});
afterEach(() => t.cleanup());

const agreement = (organisation: string, extra: Record<string, unknown> = {}) =>
  agreementSchema.parse({ organisation, frequency: 'Monthly', startDate: '2025-01-01', ...extra });

describe('batch consultations', () => {
  it('list agreements by organisation with their next session', () => {
    const b = createAgreement(t.vault, agreement('Wakefield CAMHS', { team: 'Neurodevelopmental team' }));
    const a = createAgreement(t.vault, agreement('Bradford Children’s Services'));
    addSession(t.vault, a.id, sessionSchema.parse({ sessionDate: '2025-05-20', themes: 'Online harm' }));
    addSession(t.vault, a.id, sessionSchema.parse({ sessionDate: '2025-07-15' }));
    addSession(t.vault, a.id, sessionSchema.parse({ sessionDate: '2025-06-17' }));
    const page = listAgreements(t.vault, 50, 0);
    expect(page.items.map((x) => [x.organisation, x.nextSessionDate, x.sessionCount])).toEqual([
      ['Bradford Children’s Services', '2025-06-17', 3],
      ['Wakefield CAMHS', null, 0],
    ]);
    const edited = updateAgreement(t.vault, b.id, 1, agreement('Wakefield CAMHS', { endDate: '2025-12-31' }));
    expect(edited).toMatchObject({ version: 2, endDate: '2025-12-31', team: null });
    expect(() => updateAgreement(t.vault, b.id, 1, agreement('Lost'))).toThrow(/Someone changed this agreement/);
  });

  it('refuse an end before the start and a session outside the agreement', () => {
    const bad = agreementSchema.safeParse({
      organisation: 'X',
      frequency: 'Monthly',
      startDate: '2025-02-01',
      endDate: '2025-01-01',
    });
    expect(bad.error?.issues[0]?.message).toBe('The end date must be on or after the start date.');
    const a = createAgreement(t.vault, agreement('Leeds YOT'));
    expect(() => addSession(t.vault, a.id, sessionSchema.parse({ sessionDate: '2024-12-01' }))).toThrow(
      'The session date is outside the agreement’s start and end dates.',
    );
    const neither = sessionSchema.safeParse({ sessionDate: '2025-03-01', discussedCases: [{ discussion: 'Who?' }] });
    expect(neither.success).toBe(false);
  });

  it('show on a linked case’s chronology as the organisation only', async () => {
    const n = await networkCase(t.vault);
    const other = newCase(t.vault, {}, { givenName: 'Zebedee', familyName: 'Otherchild' });
    const a = createAgreement(t.vault, agreement('Leeds Youth Justice'));
    const detail = addSession(
      t.vault,
      a.id,
      sessionSchema.parse({
        sessionDate: '2025-06-02',
        reflectiveNotes: 'A hard month for the team.',
        discussedCases: [
          { caseId: n.caseId, discussion: 'Supervision update.' },
          { caseId: other.id, discussion: 'Zebedee’s placement.' },
          { anonymousRef: 'Child K (Year 9)', discussion: 'Advice on school.' },
        ],
      }),
    );
    expect(detail.sessions[0]?.discussedCases.map((d) => d.label)).toEqual([
      n.reference,
      other.reference,
      'Child K (Year 9)',
    ]);
    const made = createConsultation(t.vault, n.caseId, consultation(n));
    signConsultation(t.vault, made.id, made.version);

    const page = getChronology(t.vault, n.caseId, 50, 0);
    const ours = page.items.filter((e) => ['batch_discussed', 'consultation', 'consultation_signed'].includes(e.kind));
    expect(ours.map((e) => [e.kind, e.summary])).toEqual([
      ['consultation_signed', 'Consultation report signed off (version 1)'],
      ['consultation', 'Professional consultation with the network (virtual): suitable later'],
      ['batch_discussed', 'Discussed in a batch consultation with Leeds Youth Justice'],
    ]);
    const everything = JSON.stringify(page);
    for (const hidden of ['Zebedee', other.reference, 'hard month', 'Supervision update', 'Child K']) {
      expect(everything).not.toContain(hidden);
    }
    // Reading the agreement shows what was said about each linked case: a read of each.
    getAgreement(t.vault, a.id);
    expect(auditActions(t.vault, other.id)).toContain('case.read');
  });
});

/** Explicit fixtures for consultation tests: a real case with a professional network and a document. */
import { Readable } from 'node:stream';
import { personSchema } from '../../../../preload/contract/case-records';
import { consultationSchema, type ConsultationInput } from '../../../../preload/contract/consultations';
import { addPerson } from '../../../../main/core/cases/people.service';
import { importDocument } from '../../../../main/core/documents/documents.service';
import type { OpenVault } from '../../../../main/core/vault/vault';
import { newCase } from '../cases/fixtures';

export interface NetworkCase {
  caseId: string;
  reference: string;
  socialWorkerId: string;
  policeId: string;
  /** A professional flagged as third-party information (never printed). */
  flaggedId: string;
  documentId: string;
}

export async function networkCase(vault: OpenVault): Promise<NetworkCase> {
  const c = newCase(vault);
  const person = (name: string, role: 'social_worker' | 'police', agency: string) =>
    addPerson(vault, c.id, personSchema.parse({ kind: 'professional', name, role, agency })).id;
  const socialWorkerId = person('Priya Shah', 'social_worker', 'Leeds Children’s Services');
  const policeId = person('DC Tom Reed', 'police', 'West Yorkshire Police');
  const flaggedId = person('Dana Flagged', 'social_worker', 'Somewhere Else');
  // The app derives the flag from the kind (professionals never are); a row imported from an
  // older bundle may carry it anyway, and the report must still leave that person out.
  vault.db.prepare('UPDATE case_people SET third_party = 1 WHERE id = ?').run(flaggedId);
  const doc = await importDocument(
    vault,
    { caseId: c.id, filename: 'strategy-minutes.pdf', title: 'Strategy meeting minutes' },
    Readable.from([Buffer.from('%PDF-1.4 test minutes')]),
  );
  return { caseId: c.id, reference: c.reference, socialWorkerId, policeId, flaggedId, documentId: doc.id };
}

export function consultation(n: NetworkCase, overrides: Partial<ConsultationInput> = {}) {
  return consultationSchema.parse({
    meetingDate: '2025-06-10',
    meetingMode: 'virtual',
    attendeeIds: [n.socialWorkerId, n.policeId, n.flaggedId],
    documentIds: [n.documentId],
    policeInvestigation: 'yes',
    reason: 'The network asked how to manage contact with younger children while the police investigate.',
    networkQuestions: 'Is it safe for him to stay at home?\n\nShould school change his timetable?',
    discussion: 'We went through the chronology and the strategy minutes together.',
    recommendations: 'Keep the supervision plan at home; review it at the next strategy meeting.',
    suitability: 'later',
    suitabilityReason: 'An assessment is not possible until the police investigation ends.',
    ...overrides,
  });
}

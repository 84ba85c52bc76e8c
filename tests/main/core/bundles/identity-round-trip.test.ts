/**
 * The young person's identity and consent travel in the case bundle between two real vaults,
 * and a case record from a bundle made before those fields existed still reads.
 */
import { describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../../../preload/contract';
import { caseRecordSchema } from '../../../../main/core/bundles/modules/case-module';
import { receive, send, type Laptop } from './app-fixtures';
import { twoLaptops } from './two-laptops';

let alice: Laptop;
let bob: Laptop;
let bobOnAlice: string;
twoLaptops('ncats-bundle-identity-', (pair) => ({ alice, bob, bobOnAlice } = pair));

describe('identity in the case bundle', () => {
  it('carries NHS number, address, GP practice, consent and who recorded it', async () => {
    const made = await alice.call<CaseDetail>('case:create', {
      referralDate: '2026-01-12',
      youngPerson: {
        givenName: 'Sam',
        familyName: 'Hughes',
        dateOfBirth: '2012-05-01',
        legalStatus: 'not_known',
        placement: 'kinship',
        nhsNumber: '943 476 5919',
        address: '4 Mill Lane\nLeeds\nLS6 1AA',
        gpPracticeName: 'Riverside Surgery',
        gpPracticeOdsCode: 'B86001',
        consentStatus: 'given_with_limits',
        consentDate: '2026-01-10',
        consentDetails: 'Not with the wider family.',
      },
    });
    const inboxId = await receive(bob, await send(alice, made.id, bobOnAlice));
    const applied = await bob.call<{ caseId: string }>('bundle:apply', { inboxId });
    const got = await bob.call<CaseDetail>('case:get', { caseId: applied.caseId });
    expect(got.youngPerson).toMatchObject({
      legalStatus: 'not_known',
      placement: 'kinship',
      nhsNumber: '9434765919',
      address: '4 Mill Lane\nLeeds\nLS6 1AA',
      gpPracticeName: 'Riverside Surgery',
      gpPracticeOdsCode: 'B86001',
      consentStatus: 'given_with_limits',
      consentDate: '2026-01-10',
      consentDetails: 'Not with the wider family.',
      consentRecordedBy: made.youngPerson.consentRecordedBy,
      consentRecordedByName: 'Alice Ahmed (other service)',
    });
  });

  it('reads a case record from before the identity fields, with them unanswered', () => {
    const old = {
      id: '00000000-0000-4000-8000-000000000001',
      version: 1,
      reference: 'NC-2025-0001',
      ref_year: 2025,
      ref_seq: 1,
      status: 'referred',
      referral_date: '2025-05-01',
      referral_source: null,
      referral_reason: null,
      consultation_only: 0,
      lead_worker_id: null,
      decline_reason: null,
      closure_reason: null,
      closing_summary: null,
      age_at_referral: 14,
      paperwork_complete_date: null,
      assessment_due_date: null,
      assessment_completed_date: null,
      created_at: '2025-05-01T09:00:00.000Z',
      updated_at: '2025-05-01T09:00:00.000Z',
      updated_by: '00000000-0000-4000-8000-00000000000a',
      youngPerson: {
        given_name: 'Amelia',
        family_name: 'Hughes',
        initials: 'AH',
        date_of_birth: '2011-02-03',
        gender: null,
        ethnicity: null,
        first_language: null,
        developmental_needs: null,
        learning_needs: null,
        communication_needs: null,
        legal_status: 'none',
        placement: null,
        local_authority: 'Leeds',
        school: null,
      },
      services: [],
      clinicians: [],
      paperwork: [],
    };
    const parsed = caseRecordSchema.parse(old);
    expect(parsed.youngPerson).toMatchObject({
      legal_status: 'none',
      nhs_number: null,
      address: null,
      consent_status: null,
      consent_recorded_by: null,
    });
    const badNhs = { ...old, youngPerson: { ...old.youngPerson, nhs_number: '9434765918' } };
    expect(caseRecordSchema.safeParse(badNhs).success).toBe(false);
  });
});

/**
 * Consultations: a case's professional consultation (the network meeting, what was read, the
 * network's questions, the discussion, recommendations and suitability), its sign-off and
 * addenda, and ongoing "batch" consultations with a team or organisation.
 *
 * A consultation includes no meeting with the child or family and is not an assessment of risk
 * or needs: {@link CONSULTATION_STATEMENT} is the one wording the screen and the report use.
 */
import { z } from 'zod';
import { idSchema, isoDateSchema, type Page } from './case-records';
import { pagingSchema } from './cases';
import { ANY_USER, CASE_WRITERS, channel } from './define';
import type { SignoffView } from './signoff';

export type { AddendumView, SignedVersionView, SignoffView } from './signoff';

/** What the screen and the report say about what a consultation is not. */
export const CONSULTATION_STATEMENT =
  'A consultation is a meeting with the professional network around the child. It includes no meeting with the child or their family, and it is not an assessment of risk or needs.';

// ---------------------------------------------------------------------------------------------
// Vocabularies
// ---------------------------------------------------------------------------------------------

export const MEETING_MODES = ['in_person', 'virtual'] as const;
export const meetingModeSchema = z.enum(MEETING_MODES, 'Say whether the meeting was in person or virtual.');
export type MeetingMode = z.infer<typeof meetingModeSchema>;

export const POLICE_INVESTIGATION_ANSWERS = ['yes', 'no', 'not_known'] as const;
export const policeInvestigationSchema = z.enum(
  POLICE_INVESTIGATION_ANSWERS,
  'Say whether a police investigation is active (yes, no or not known).',
);
export type PoliceInvestigation = z.infer<typeof policeInvestigationSchema>;

/** Suitability for the service's work: now (assessment or intervention), later, or not. */
export const SUITABILITIES = ['assessment_now', 'intervention_now', 'later', 'not_suitable'] as const;
export const suitabilitySchema = z.enum(SUITABILITIES, 'Choose how suitable the young person is for the service.');
export type Suitability = z.infer<typeof suitabilitySchema>;

/** Suitabilities that must say why. */
export function suitabilityNeedsReason(s: Suitability): boolean {
  return s === 'later' || s === 'not_suitable';
}

// ---------------------------------------------------------------------------------------------
// Single consultation
// ---------------------------------------------------------------------------------------------

const longText = (max: number, missing: string) => z.string().trim().min(1, missing).max(max);

export const consultationSchema = z
  .object({
    meetingDate: isoDateSchema,
    meetingMode: meetingModeSchema,
    /** Professional-network people of the same case (People tab). */
    attendeeIds: z.array(idSchema).max(50, 'A meeting can list at most 50 attendees.').default([]),
    /** Documents of the same case that were read for the consultation. */
    documentIds: z.array(idSchema).max(200, 'At most 200 documents can be listed.').default([]),
    policeInvestigation: policeInvestigationSchema,
    reason: longText(5000, 'Say why the network asked for a consultation.'),
    networkQuestions: longText(10_000, 'Write down the questions the network brought.'),
    discussion: longText(50_000, 'Write a summary of the discussion.'),
    recommendations: longText(20_000, 'Write the recommendations on case management.'),
    suitability: suitabilitySchema,
    /** Required when the young person is suitable later or not suitable. */
    suitabilityReason: z.string().trim().max(5000).nullable().default(null),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (suitabilityNeedsReason(c.suitability) && !c.suitabilityReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['suitabilityReason'],
        message:
          c.suitability === 'later'
            ? 'Say why the young person would be suitable later, and when.'
            : 'Say why the young person is not suitable for the service.',
      });
    }
  });
export type ConsultationInput = z.input<typeof consultationSchema>;
export type ConsultationContent = z.output<typeof consultationSchema>;

export interface ConsultationView extends ConsultationContent {
  id: string;
  caseId: string;
  /** Attendees as they are now on the People tab (name, role and agency). */
  attendees: { id: string; name: string; role: string | null; agency: string | null }[];
  documents: { id: string; title: string }[];
  createdByName: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  signoff: SignoffView;
}

/** A row of the Consultations area's list. */
export interface ConsultationListItem {
  id: string;
  caseId: string;
  caseReference: string;
  /** The young person's name, or initials on consultation-only cases. */
  youngPersonName: string;
  meetingDate: string;
  suitability: Suitability;
  signed: boolean;
}

// ---------------------------------------------------------------------------------------------
// Batch (ongoing) consultations
// ---------------------------------------------------------------------------------------------

const optionalLine = (max: number) => z.string().trim().max(max).nullable().default(null);

export const agreementSchema = z
  .object({
    organisation: z.string().trim().min(1, 'Enter the organisation.').max(200),
    team: optionalLine(200),
    /** As agreed, e.g. "Monthly" or "Every six weeks". */
    frequency: z.string().trim().min(1, 'Say how often the sessions take place.').max(100),
    startDate: isoDateSchema,
    endDate: isoDateSchema.nullable().default(null),
    contact: optionalLine(300),
  })
  .strict()
  .refine((a) => a.endDate === null || a.endDate >= a.startDate, {
    path: ['endDate'],
    message: 'The end date must be on or after the start date.',
  });
export type AgreementInput = z.input<typeof agreementSchema>;

export const discussedCaseSchema = z
  .object({
    /** A case in this vault, or null with an anonymous reference instead. */
    caseId: idSchema.nullable().default(null),
    anonymousRef: z.string().trim().max(60).nullable().default(null),
    discussion: z.string().trim().max(10_000).default(''),
  })
  .strict()
  .refine((d) => (d.caseId === null) !== (d.anonymousRef === null || d.anonymousRef === ''), {
    path: ['anonymousRef'],
    message: 'Each case discussed is either a case of the service or an anonymous reference, not both or neither.',
  });

export const sessionSchema = z
  .object({
    sessionDate: isoDateSchema,
    /** Names and roles as typed: attendees are often not on any case's People tab. */
    attendees: z.string().trim().max(2000).default(''),
    themes: z.string().trim().max(5000).default(''),
    reflectiveNotes: z.string().trim().max(50_000).default(''),
    advice: z.string().trim().max(20_000).default(''),
    discussedCases: z
      .array(discussedCaseSchema)
      .max(30, 'At most 30 cases can be discussed in one session.')
      .default([]),
  })
  .strict();
export type SessionInput = z.input<typeof sessionSchema>;

export interface AgreementView {
  id: string;
  organisation: string;
  team: string | null;
  frequency: string;
  startDate: string;
  endDate: string | null;
  contact: string | null;
  version: number;
}

export interface AgreementSummary extends AgreementView {
  /** The first session dated today or later, if one is planned. */
  nextSessionDate: string | null;
  sessionCount: number;
}

export interface DiscussedCaseView {
  caseId: string | null;
  /** The case's reference when linked; the anonymous reference otherwise. */
  label: string;
  discussion: string;
}

export interface SessionView {
  id: string;
  agreementId: string;
  sessionDate: string;
  attendees: string;
  themes: string;
  reflectiveNotes: string;
  advice: string;
  discussedCases: DiscussedCaseView[];
  version: number;
}

export interface AgreementDetail extends AgreementView {
  /** Newest first. */
  sessions: SessionView[];
}

// ---------------------------------------------------------------------------------------------
// Channels
// ---------------------------------------------------------------------------------------------

const expectedVersion = z.int().min(1);

export const consultationChannels = {
  /** A case's consultations, newest meeting first, with their sign-off. Audited as `case.read`. */
  'consultation:list': channel<ConsultationView[]>()(z.object({ caseId: idSchema }).strict(), ANY_USER),
  'consultation:create': channel<ConsultationView>()(
    z.object({ caseId: idSchema, consultation: consultationSchema }).strict(),
    CASE_WRITERS,
  ),
  /** Edit a consultation. CONFLICT if it changed since `expectedVersion`; refused once signed. */
  'consultation:update': channel<ConsultationView>()(
    z.object({ consultationId: idSchema, expectedVersion, consultation: consultationSchema }).strict(),
    CASE_WRITERS,
  ),
  /**
   * Sign the consultation report: keeps the content as signed and locks the record. Signing
   * again is allowed only when addenda were added since the last signed version.
   */
  'consultation:sign': channel<ConsultationView>()(
    z.object({ consultationId: idSchema, expectedVersion }).strict(),
    CASE_WRITERS,
  ),
  /** Add a correction to a signed consultation; later reports include it. */
  'consultation:addAddendum': channel<ConsultationView>()(
    z
      .object({
        consultationId: idSchema,
        text: z.string().trim().min(1, 'Write the correction or addition.').max(10_000),
      })
      .strict(),
    CASE_WRITERS,
  ),
  /** Every case's consultations, newest meeting first (the Consultations area). One audit row a page. */
  'consultation:listAll': channel<Page<ConsultationListItem>>()(z.object({ ...pagingSchema.shape }).strict(), ANY_USER),

  /** Batch agreements by organisation, each with its next planned session. */
  'batch:listAgreements': channel<Page<AgreementSummary>>()(z.object({ ...pagingSchema.shape }).strict(), ANY_USER),
  'batch:getAgreement': channel<AgreementDetail>()(z.object({ agreementId: idSchema }).strict(), ANY_USER),
  'batch:createAgreement': channel<AgreementDetail>()(z.object({ agreement: agreementSchema }).strict(), CASE_WRITERS),
  'batch:updateAgreement': channel<AgreementDetail>()(
    z.object({ agreementId: idSchema, expectedVersion, agreement: agreementSchema }).strict(),
    CASE_WRITERS,
  ),
  /** Record (or plan) a session of an agreement, with the cases discussed in it. */
  'batch:addSession': channel<AgreementDetail>()(
    z.object({ agreementId: idSchema, session: sessionSchema }).strict(),
    CASE_WRITERS,
  ),
  /**
   * Change a session: its date (within the agreement's dates), attendees, themes, notes, advice
   * and the cases discussed (replaced by the list given). A linked case's chronology line follows
   * (its date; gone when the case is no longer listed). CONFLICT when it changed since
   * `expectedVersion`. Audited `batch.session_update`, and against each linked case, before or after.
   */
  'batch:updateSession': channel<AgreementDetail>()(
    z.object({ sessionId: idSchema, expectedVersion, session: sessionSchema }).strict(),
    CASE_WRITERS,
  ),
  /**
   * Remove a session entered in error (or planned and not held), saying why. It leaves no
   * chronology line on the cases it discussed. CONFLICT when it changed since `expectedVersion`.
   * Audited `batch.session_remove` with the reason and its date, and against each linked case.
   */
  'batch:removeSession': channel<AgreementDetail>()(
    z
      .object({
        sessionId: idSchema,
        expectedVersion,
        reason: z
          .string()
          .trim()
          .min(1, 'Say why this session is being removed, for example that it was cancelled.')
          .max(500, 'Keep the reason to 500 characters.'),
      })
      .strict(),
    CASE_WRITERS,
  ),
} as const;

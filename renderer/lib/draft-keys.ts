/**
 * The form keys drafts are kept under (see `preload/contract/drafts.ts`). One place, so the
 * forms that save drafts and the offer that resumes them agree on the names.
 */

/** A new note on a case (the Notes tab's "Add a note"). */
export const noteDraftKey = (caseId: string): string => `note:new:${caseId}`;
/** The new-referral form. */
export const REFERRAL_DRAFT_KEY = 'referral:new';
/** The young person's details on a case (Overview, "Change young person's details"). */
export const youngPersonDraftKey = (caseId: string): string => `young-person:${caseId}`;
/** The referral details on a case (Overview, "Change referral details"). */
export const referralEditDraftKey = (caseId: string): string => `referral-edit:${caseId}`;
/** A new DMM procedure on a case (Attachment tab, "Add a procedure"). Changes to a saved one keep no draft. */
export const attachmentProcedureDraftKey = (caseId: string): string => `attachment-procedure:${caseId}`;

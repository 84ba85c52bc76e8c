/**
 * The drafts offered after sign-in, and which case-page form a "Resume" should open. Draft
 * titles name cases, so the store is resettable: a lock clears it with every other store.
 */
import { useEffect, useState } from 'react';
import type { DraftSummary } from '../../../preload/contract';
import { createResettableStore } from '../../stores/reset';

/** The case-page forms a resumed draft can open (the Overview's two, the Attachment tab's new procedure). */
export type ResumableForm = 'referral' | 'young-person' | 'attachment-procedure';

export interface DraftsState {
  /** My drafts, as listed after sign-in; null until listed. */
  offered: DraftSummary[] | null;
  /** The user chose "Not now": the offer stays away until the next sign-in. */
  dismissed: boolean;
  /** Set by Resume, taken by the case tab that holds the form when it opens. */
  resume: { caseId: string; form: ResumableForm } | null;
}

export const useDraftsStore = createResettableStore<DraftsState>({ offered: null, dismissed: false, resume: null });

/**
 * Which of a tab's forms (`forms`) to open for this case because its draft was resumed, if any.
 * Taken once (cleared after the first render that read it): opening the case again later shows
 * the tab as usual. A tab takes only its own forms, so another tab rendered first leaves it.
 */
export function useResumedForm<F extends ResumableForm>(caseId: string | undefined, forms: readonly F[]): F | null {
  const [form] = useState(() => {
    const { resume } = useDraftsStore.getState();
    return resume && resume.caseId === caseId && (forms as readonly ResumableForm[]).includes(resume.form)
      ? (resume.form as F)
      : null;
  });
  useEffect(() => {
    if (form) useDraftsStore.setState({ resume: null });
  }, [form]);
  return form;
}

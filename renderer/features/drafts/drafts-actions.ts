/** What the drafts offer does: list my drafts, resume one (open its form), discard one. */
import type { DraftSummary } from '../../../preload/contract';
import { draftKind } from '../../../preload/contract';
import { call } from '../../lib/api';
import { showCasesView, useCasesStore } from '../../stores/cases';
import { goToArea, useShellStore } from '../../stores/shell';
import { openCaseOnTab } from '../cases/case-page/case-actions';
import { useDraftsStore, type ResumableForm } from './drafts-store';

/** List my drafts once per sign-in. A failure only means no offer is shown. */
export async function loadOfferedDrafts(): Promise<void> {
  if (useDraftsStore.getState().offered) return;
  try {
    const offered = await call('draft:list', {});
    useDraftsStore.setState({ offered });
  } catch {
    useDraftsStore.setState({ offered: [] });
  }
}

function withdraw(key: string): void {
  useDraftsStore.setState((s) => ({ offered: s.offered?.filter((d) => d.key !== key) ?? null }));
}

/**
 * Where each kind of case draft (the key's first part, see `draft-keys.ts`) is resumed: the case
 * tab, and the form to open on it when the tab does not show it already.
 */
const CASE_DRAFT_PLACES: Record<string, { tab: string; form?: ResumableForm }> = {
  note: { tab: 'notes' },
  'young-person': { tab: 'overview', form: 'young-person' },
  'referral-edit': { tab: 'overview', form: 'referral' },
  'attachment-procedure': { tab: 'attachment', form: 'attachment-procedure' },
};

/**
 * Open the form the draft belongs to; the form fills itself in from the draft when it opens
 * (see useDraft). A case's note opens on its Notes tab, its referral or young person's details
 * on the Overview with that form open, a new DMM procedure on the Attachment tab with its form
 * open, a new referral on the new-referral form.
 */
export function resumeDraft(draft: DraftSummary): void {
  const kind = draftKind(draft.key);
  if (useShellStore.getState().area !== 'cases') goToArea('cases');
  if (kind === 'referral') {
    // The form restores from the vault only when it holds no referral of its own.
    useCasesStore.setState({ referralDraft: null });
    showCasesView({ kind: 'new-referral' });
  } else if (draft.caseId) {
    const place = CASE_DRAFT_PLACES[kind] ?? { tab: 'overview' };
    if (place.form) useDraftsStore.setState({ resume: { caseId: draft.caseId, form: place.form } });
    openCaseOnTab(draft.caseId, place.tab);
  }
  withdraw(draft.key);
}

export async function discardOfferedDraft(draft: DraftSummary): Promise<void> {
  await call('draft:discard', { key: draft.key, reason: 'discarded' });
  withdraw(draft.key);
}

export function dismissDraftsOffer(): void {
  useDraftsStore.setState({ dismissed: true });
}

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

const OVERVIEW_FORMS: Record<string, ResumableForm> = { 'young-person': 'young-person', 'referral-edit': 'referral' };

/**
 * Open the form the draft belongs to; the form fills itself in from the draft when it opens
 * (see useDraft). A case's note opens on its Notes tab, its referral or young person's details
 * on the Overview with that form open, a new referral on the new-referral form.
 */
export function resumeDraft(draft: DraftSummary): void {
  const kind = draftKind(draft.key);
  if (useShellStore.getState().area !== 'cases') goToArea('cases');
  if (kind === 'referral') {
    // The form restores from the vault only when it holds no referral of its own.
    useCasesStore.setState({ referralDraft: null });
    showCasesView({ kind: 'new-referral' });
  } else if (draft.caseId) {
    const form = OVERVIEW_FORMS[kind];
    if (form) useDraftsStore.setState({ resume: { caseId: draft.caseId, form } });
    openCaseOnTab(draft.caseId, kind === 'note' ? 'notes' : 'overview');
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

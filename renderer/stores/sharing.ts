/**
 * The Sharing area's state: which screen is open (my key card, colleagues, send a case,
 * receive a case), the key card and colleague directory as last loaded, and a case chosen
 * elsewhere (the case page's "Share this case") to start "Send a case" with.
 * Created with createResettableStore: a lock forgets all of it.
 */
import type { ColleagueView, KeyCardView } from '../../preload/contract/bundles';
import { createResettableStore } from './reset';
import { goToArea } from './shell';

export const SHARING_VIEWS = ['card', 'colleagues', 'send', 'receive'] as const;
export type SharingView = (typeof SHARING_VIEWS)[number];

export interface SharingState {
  view: SharingView;
  /** Counts view changes, so focus moves to the new view's heading each time. */
  visit: number;
  myCard: KeyCardView | null;
  colleagues: ColleagueView[] | null;
  /** The case "Send a case" starts with (set by openSendCase). */
  sendCaseId: string | null;
}

export const useSharingStore = createResettableStore<SharingState>({
  view: 'card',
  visit: 0,
  myCard: null,
  colleagues: null,
  sendCaseId: null,
});

export function showSharingView(view: SharingView): void {
  useSharingStore.setState((s) => ({ view, visit: s.visit + 1 }));
}

/**
 * Open "Send a case" with this case already chosen, from anywhere in the app (the case page's
 * "Share this case" button calls this).
 */
export function openSendCase(caseId: string): void {
  useSharingStore.setState((s) => ({ view: 'send', sendCaseId: caseId, visit: s.visit + 1 }));
  goToArea('sharing');
}

/**
 * What the Safe Home screens hold. The area: the service view's runs and figures, the run opened
 * in its overview, the theme list and the completion rule. The case tab: the open case's carers'
 * journeys and safety plans. A run's overview names carers of several families and the journey
 * is case data, so the store is resettable: a lock clears it.
 */
import type { Page } from '../../../preload/contract';
import type {
  CaseSafeHomeView,
  CompletionRule,
  RunListItem,
  RunView,
  SafeHomeServiceView,
  ThemeView,
} from '../../../preload/contract/safe-home';
import { createResettableStore } from '../../stores/reset';

export interface SafeHomeState {
  runs: Page<RunListItem> | null;
  summary: SafeHomeServiceView | null;
  /** The run open in its overview (null: the service view is shown). */
  run: RunView | null;
  themes: ThemeView[] | null;
  rule: CompletionRule | null;
  /** The case the tab's view belongs to, and that view (undefined until loaded). */
  caseId: string | null;
  caseView: CaseSafeHomeView | undefined;
}

export const useSafeHomeStore = createResettableStore<SafeHomeState>({
  runs: null,
  summary: null,
  run: null,
  themes: null,
  rule: null,
  caseId: null,
  caseView: undefined,
});

/** Called when another case opens: the tab's view belonged to the last one. */
export function forgetSafeHomeCase(): void {
  useSafeHomeStore.setState({ caseId: null, caseView: undefined });
}

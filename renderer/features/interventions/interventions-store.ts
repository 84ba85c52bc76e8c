/**
 * The open case's intervention plans and their session logs, for the Interventions tab. Case
 * data: resettable, so a lock clears it; forgotten when another case opens. `plans` is
 * undefined until loaded. A plan's log holds the sessions fetched so far, newest first, and how
 * many there are in all ("Show older sessions" fetches the next page).
 */
import type { InterventionSessionView, PlanView } from '../../../preload/contract/interventions';
import { createResettableStore } from '../../stores/reset';

export interface SessionLog {
  items: InterventionSessionView[];
  total: number;
}

export interface InterventionsTabState {
  caseId: string | null;
  plans: PlanView[] | undefined;
  /** By plan id; a plan's log is fetched when it is first shown. */
  logs: Record<string, SessionLog>;
}

export const useInterventionsStore = createResettableStore<InterventionsTabState>({
  caseId: null,
  plans: undefined,
  logs: {},
});

export function forgetInterventions(): void {
  useInterventionsStore.setState({ caseId: null, plans: undefined, logs: {} });
}

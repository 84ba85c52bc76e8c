/**
 * What the Interventions area holds: the active plans shown so far ("Show more" adds the next
 * page to them) and how many there are in all. Case data, so the store is resettable: a lock
 * clears it.
 */
import type { InterventionListItem } from '../../../../preload/contract';
import { call } from '../../../lib/api';
import { createResettableStore } from '../../../stores/reset';

/** Plans fetched per page ("Show more" fetches this many more). */
export const AREA_PAGE_SIZE = 25;

export interface InterventionsAreaState {
  /** The plans shown, soonest next session first; null until the first page arrives. */
  plans: InterventionListItem[] | null;
  total: number;
}

export const useInterventionsAreaStore = createResettableStore<InterventionsAreaState>({ plans: null, total: 0 });

/** The first page, fetched afresh each time the area is shown (plans and sessions change). */
export async function loadInterventionsArea(): Promise<void> {
  const page = await call('intervention:list', { offset: 0, limit: AREA_PAGE_SIZE });
  useInterventionsAreaStore.setState({ plans: page.items, total: page.total });
}

/**
 * The next page, added under those shown. A plan that moved between pages (a session booked
 * meanwhile) is shown once: the copy already shown stays, since the list has no better place for it.
 */
export async function showMoreInterventions(): Promise<void> {
  const shown = useInterventionsAreaStore.getState().plans ?? [];
  const page = await call('intervention:list', { offset: shown.length, limit: AREA_PAGE_SIZE });
  const seen = new Set(shown.map((p) => p.planId));
  useInterventionsAreaStore.setState({
    plans: [...shown, ...page.items.filter((p) => !seen.has(p.planId))],
    total: page.total,
  });
}

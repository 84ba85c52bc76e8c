import { createResettableStore } from './reset';

/**
 * The id of a navigation area. Areas register themselves from their own folders
 * (`features/shell/area-registry.ts`); the store keeps only which one is shown.
 */
export type Area = string;

export interface ShellState {
  area: Area;
  /** Counts navigations, so choosing the current area again still moves focus to its heading. */
  visit: number;
}

/** Home is the first screen after sign-in, for every role. */
export const useShellStore = createResettableStore<ShellState>({ area: 'home', visit: 0 });

/** Go to an area (from the navigation). */
export function goToArea(area: Area): void {
  useShellStore.setState((s) => ({ area, visit: s.visit + 1 }));
}

import { createResettableStore } from './reset';

/** The areas of the app shell, in navigation order. */
export const AREAS = [
  'cases',
  // Next to Cases: sharing is how a case travels between colleagues.
  'sharing',
  'consultations',
  'assessments',
  'interventions',
  'safe-home',
  'training',
  'reports',
  'administration',
] as const;
export type Area = (typeof AREAS)[number];

export interface ShellState {
  area: Area;
  /** Counts navigations, so choosing the current area again still moves focus to its heading. */
  visit: number;
}

export const useShellStore = createResettableStore<ShellState>({ area: 'cases', visit: 0 });

/** Go to an area (from the navigation). */
export function goToArea(area: Area): void {
  useShellStore.setState((s) => ({ area, visit: s.visit + 1 }));
}

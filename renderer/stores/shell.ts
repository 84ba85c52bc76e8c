import { createResettableStore } from './reset';

/** The areas of the app shell, in navigation order. */
export const AREAS = [
  'cases',
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
}

export const useShellStore = createResettableStore<ShellState>({ area: 'cases' });

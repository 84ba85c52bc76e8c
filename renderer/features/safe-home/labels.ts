/** Words the Safe Home screens share: a run's status, a carer's completion, percentages. */
import type { CarerProgress, RunView } from '../../../preload/contract/safe-home';

export const RUN_STATUS_LABELS: Record<RunView['status'], string> = {
  planned: 'Planned',
  in_progress: 'In progress',
  finished: 'Finished',
};

export const COMPLETION_LABELS: Record<CarerProgress['completion'], string> = {
  in_progress: 'In progress',
  completed: 'Completed',
  not_completed: 'Did not complete',
  withdrawn: 'Withdrew',
};

/** 0.6667 -> "67 %"; "none finished yet" when there is no rate to give. */
export function percentWords(rate: number | null): string {
  return rate === null ? 'None finished yet' : `${Math.round(rate * 100)} %`;
}

/** "3 carers" / "1 carer". */
export function carersWords(n: number): string {
  return n === 1 ? '1 carer' : `${n} carers`;
}

/** A rating 0-10, or "not rated". */
export function ratingWords(n: number | null): string {
  return n === null ? 'Not rated' : `${n} of 10`;
}

/** A carer has at most this many goals (the contract's limit). */
export const MAX_GOALS = 3;

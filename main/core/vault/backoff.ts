/**
 * Exponential back-off after failed unlocks, counted per user name and kept in the vault
 * header so restarting the app does not reset it. The first FREE_ATTEMPTS failures cost
 * nothing (people mistype); after that each failure doubles the wait, up to MAX_DELAY_MS.
 */
export const FREE_ATTEMPTS = 3;
export const BASE_DELAY_MS = 1000;
export const MAX_DELAY_MS = 15 * 60 * 1000;

export interface FailureRecord {
  failures: number;
  lastFailureAt: string;
}

export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(BASE_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS);
}

/** Milliseconds until another attempt is allowed; 0 when one is allowed now. */
export function waitRemaining(record: FailureRecord | undefined, now: Date): number {
  if (!record) return 0;
  const until = Date.parse(record.lastFailureAt) + delayAfter(record.failures);
  return Math.max(0, until - now.getTime());
}

import type { CaseDetail } from '../../../../preload/contract';
import type { Worker } from '../../../stores/case-page';

/**
 * People who can lead a case, be allocated to it or own a task: the colleague directory (every
 * active administrator and clinician), with the signed-in user marked "(you)". Until the
 * directory has loaded (or if it could not be), the choice is the user and the workers already
 * on the case. Workers on the case who are no longer in the directory (disabled accounts) stay
 * listed, so a form never silently drops the person it was showing.
 */
export function workerChoices(
  detail: CaseDetail,
  me: { id: string; displayName: string } | null,
  users: Worker[] | null,
): Worker[] {
  const found = new Map<string, Worker>();
  if (me && (!users || users.some((u) => u.id === me.id))) {
    found.set(me.id, { id: me.id, displayName: `${me.displayName} (you)` });
  }
  for (const u of users ?? []) if (!found.has(u.id)) found.set(u.id, u);
  if (detail.leadWorkerId && detail.leadWorkerName && !found.has(detail.leadWorkerId)) {
    found.set(detail.leadWorkerId, { id: detail.leadWorkerId, displayName: detail.leadWorkerName });
  }
  for (const c of detail.allocatedClinicians) if (!found.has(c.id)) found.set(c.id, c);
  return [...found.values()];
}

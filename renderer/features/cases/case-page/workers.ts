import type { CaseDetail } from '../../../../preload/contract';
import type { Worker } from '../../../stores/case-page';

/**
 * People who can lead a case or own a task. Administrators see every user; other roles cannot
 * list users (users:list is administrators only), so they choose among themselves and the
 * workers already on the case.
 */
export function workerChoices(
  detail: CaseDetail,
  me: { id: string; displayName: string } | null,
  users: Worker[] | null,
): Worker[] {
  if (users) return users;
  const found = new Map<string, Worker>();
  if (me) found.set(me.id, { id: me.id, displayName: `${me.displayName} (you)` });
  if (detail.leadWorkerId && detail.leadWorkerName && !found.has(detail.leadWorkerId)) {
    found.set(detail.leadWorkerId, { id: detail.leadWorkerId, displayName: detail.leadWorkerName });
  }
  for (const c of detail.allocatedClinicians) if (!found.has(c.id)) found.set(c.id, c);
  return [...found.values()];
}

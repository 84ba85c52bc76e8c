/** Words of the Records retention area. */
import type { RetentionItemView } from '../../../preload/contract/retention';
import { formatDate } from '../../lib/dates';

export const WITHIN_CHOICES = [
  { value: '0', label: 'Review date passed' },
  { value: '6', label: 'Due now or within 6 months' },
  { value: '12', label: 'Due now or within 12 months' },
  { value: '24', label: 'Due now or within 2 years' },
] as const;
export type WithinChoice = (typeof WITHIN_CHOICES)[number]['value'];

/** Where a case in the review list stands, in words: held first, as it stops everything else. */
export function standing(item: RetentionItemView): string {
  if (item.legalHold) return 'On legal hold';
  if (item.proposal)
    return `Disposal proposed by ${item.proposal.proposedByName} on ${formatDate(item.proposal.proposedAt)}`;
  if (item.due && item.careCheckNeeded) return 'Due for review: care-experienced, check needed before disposal';
  return item.due ? 'Due for review' : 'Not yet due';
}

/** How care ended, beside its date: a declined referral says so, as its date counts from the decline. */
export function endedLabel(item: Pick<RetentionItemView, 'careEnded'>): string {
  return item.careEnded === 'declined' ? 'referral declined' : 'closed';
}

/**
 * The sign-off lock as an incoming bundle meets it: a record whose report was signed off on this
 * laptop keeps its local content, whatever the sender changed (`BundleModule.lockedBy`).
 */
import type { Db } from '../../db/connection';
import { ukWhen } from '../format';
import { signoffState } from './signoff';

/**
 * Why a bundle may not change the subject, naming the first sign-off, or null when it is not
 * signed. `what`: "assessment report".
 */
export function signedOffLock(db: Db, subject: { kind: string; id: string }, what: string): string | null {
  const first = signoffState(db, subject.kind, subject.id).signedVersions[0];
  if (!first) return null;
  return `Kept as it is on this laptop: this ${what} was signed off by ${first.signedByName} on ${ukWhen(first.signedAt)}, so a bundle cannot change it.`;
}

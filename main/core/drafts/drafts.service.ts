/**
 * Drafts: save (autosave, upsert by form key), list mine, get, discard.
 *
 * What is audited, and why. A draft of a case holds case data, so the moments that matter are
 * recorded against the case, in the same transaction as the change: its first save
 * (`draft.create`: someone has started writing on this case), its restore into a form
 * (`draft.restore`: case data was read back) and its removal (`draft.discard`, saying whether
 * the user discarded it or the form was saved). Autosaves after the first are not audited:
 * they come every second or two while someone types, would flood the hash-chained log, and
 * add nothing to "who wrote on this case, and when" that the first save and the outcome do
 * not already say. Listing my drafts shows only their titles and is not audited.
 */
import { randomUUID } from 'node:crypto';
import type { ChannelParsedInput } from '../../../preload/contract';
import type { DraftSummary, DraftView } from '../../../preload/contract/drafts';
import { draftKind } from '../../../preload/contract/drafts';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { caseVisibleTo, deleteDraft, findDraft, listDrafts, upsertDraft } from './drafts.repo';

/** What `draft:save` delivers, parsed. */
export type DraftInput = ChannelParsedInput<'draft:save'>;

function auditDraft(vault: OpenVault, action: string, id: string, key: string, caseId: string | null, extra = {}) {
  vault.audit({ action, entityType: 'draft', entityId: id, caseId, detail: { form: draftKind(key), ...extra } });
}

/** Keep the form's state as my draft for its key. */
export function saveDraft(vault: OpenVault, input: DraftInput): DraftSummary {
  const { db, user } = vault;
  const stateJson = JSON.stringify(input.state);
  return db
    .transaction(() => {
      if (input.caseId && !caseVisibleTo(db, user, input.caseId)) {
        throw new AppError('NOT_FOUND', 'That case does not exist, so the draft could not be kept.');
      }
      const existing = findDraft(db, user.id, input.key);
      const id = existing?.id ?? randomUUID();
      upsertDraft(db, {
        id,
        userId: user.id,
        key: input.key,
        caseId: input.caseId,
        title: input.title,
        stateJson,
        at: vault.now().toISOString(),
      });
      if (!existing) auditDraft(vault, 'draft.create', id, input.key, input.caseId);
      const saved = findDraft(db, user.id, input.key);
      if (!saved) throw new Error('draft vanished inside its own transaction');
      const { id: _id, stateJson: _state, ...summary } = saved;
      return summary;
    })
    .immediate();
}

export function myDrafts(vault: OpenVault): DraftSummary[] {
  return listDrafts(vault.db, vault.user);
}

/**
 * My draft for a key, with its state; null if there is none, or if its case is gone or no
 * longer visible to me (such a draft is not offered back).
 */
export function getDraft(vault: OpenVault, key: string): DraftView | null {
  const { db, user } = vault;
  return db
    .transaction(() => {
      const found = findDraft(db, user.id, key);
      if (!found) return null;
      if (found.caseId && !caseVisibleTo(db, user, found.caseId)) return null;
      auditDraft(vault, 'draft.restore', found.id, key, found.caseId);
      const { id: _id, stateJson, ...summary } = found;
      return { ...summary, state: JSON.parse(stateJson) as unknown };
    })
    .immediate();
}

/** Remove my draft for a key. Returns whether there was one. */
export function discardDraft(vault: OpenVault, key: string, reason: 'discarded' | 'submitted'): boolean {
  const { db, user } = vault;
  return db
    .transaction(() => {
      const found = findDraft(db, user.id, key);
      if (!found) return false;
      deleteDraft(db, user.id, key);
      auditDraft(vault, 'draft.discard', found.id, key, found.caseId, { reason });
      return true;
    })
    .immediate();
}

/**
 * The colleague directory: key cards imported from other people, checked by comparing the
 * fingerprint (in person or by phone) and marked verified, or revoked when no longer trusted.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
import { colleagueRecord, toColleague, type ColleagueRow } from './colleagues.record';
import { keyCardSchema, type KeyCard } from './key-card';

export type ColleagueStatus = 'verified' | 'unverified' | 'revoked';

export interface Colleague {
  id: string;
  name: string;
  service: string;
  theirUserId: string;
  ageRecipient: string;
  signingKey: string;
  fingerprint: string;
  status: ColleagueStatus;
  addedAt: string;
  verifiedAt: string | null;
  revokedAt: string | null;
}

const SELECT = `SELECT ${colleagueRecord.select()} FROM colleagues`;
/** A new card is neither verified nor revoked. */
const INSERT = colleagueRecord.insertSql(
  colleagueRecord.except(['verified_at', 'verified_by', 'revoked_at', 'revoked_by']),
);

export function listColleagues(db: Db): Colleague[] {
  return (db.prepare(`${SELECT} ORDER BY name COLLATE NOCASE`).all() as ColleagueRow[]).map(toColleague);
}

export function findColleagueBySigningKey(db: Db, signingKey: string): Colleague | null {
  const row = db.prepare(`${SELECT} WHERE signing_public = ?`).get(signingKey) as ColleagueRow | undefined;
  return row ? toColleague(row) : null;
}

/** A colleague by exact name (case-insensitive) or id; an error if none or ambiguous. */
export function findColleague(db: Db, nameOrId: string): Colleague {
  const rows = db
    .prepare(`${SELECT} WHERE id = ? OR name = ? COLLATE NOCASE`)
    .all(nameOrId, nameOrId) as ColleagueRow[];
  if (rows.length === 0)
    throw new AppError(
      'NOT_FOUND',
      `There is no colleague called "${nameOrId}" in your directory. Add their key card first.`,
    );
  if (rows.length > 1)
    throw new AppError(
      'CONFLICT',
      `More than one colleague is called "${nameOrId}". Use their recipient (age1...) instead.`,
    );
  return toColleague(rows[0] as ColleagueRow);
}

/**
 * Add a card (or refresh an existing one for the same keys). A card whose keys belong to a
 * colleague under another name is refused, as is one for keys that were revoked.
 */
export function addColleague(vault: OpenVault, input: unknown, options: { verified: boolean }): Colleague {
  const parsed = keyCardSchema.safeParse(input);
  if (!parsed.success) {
    throw new AppError('INVALID_INPUT', parsed.error.issues[0]?.message ?? 'That is not a valid key card.');
  }
  const card: KeyCard = parsed.data;
  const own = vault.db
    .prepare('SELECT user_id FROM user_keys WHERE signing_public = ? OR age_recipient = ?')
    .get(card.signingKey, card.ageRecipient);
  if (own) throw new AppError('CONFLICT', 'That is the key card of a user of this vault, not a colleague elsewhere.');
  const now = vault.now().toISOString();
  const existing = vault.db
    .prepare(`${SELECT} WHERE signing_public = ? OR age_recipient = ?`)
    .all(card.signingKey, card.ageRecipient) as ColleagueRow[];
  const match = existing[0];
  if (
    existing.length > 1 ||
    (match && (match.signing_public !== card.signingKey || match.age_recipient !== card.ageRecipient))
  ) {
    throw new AppError(
      'CONFLICT',
      'One of the keys on this card already belongs to a different card in your directory.',
    );
  }
  if (match?.revoked_at)
    throw new AppError(
      'CONFLICT',
      `The keys on this card were revoked on ${match.revoked_at.slice(0, 10)}. They cannot be added again.`,
    );
  const id = match?.id ?? randomUUID();
  vault.db
    .transaction(() => {
      if (match) {
        vault.db
          .prepare('UPDATE colleagues SET name = ?, service = ?, card = ? WHERE id = ?')
          .run(card.name, card.service, JSON.stringify(card), id);
      } else {
        const row: Omit<ColleagueRow, 'verified_at' | 'verified_by' | 'revoked_at' | 'revoked_by'> = {
          id,
          name: card.name,
          service: card.service,
          their_user_id: card.userId,
          age_recipient: card.ageRecipient,
          signing_public: card.signingKey,
          fingerprint: card.fingerprint,
          card: JSON.stringify(card),
          added_at: now,
          added_by: vault.user.id,
        };
        vault.db.prepare(INSERT).run(row);
      }
      vault.audit({
        action: 'colleague.add',
        entityType: 'colleague',
        entityId: id,
        detail: { name: card.name, fingerprint: card.fingerprint },
      });
      if (options.verified && !match?.verified_at) markVerifiedInTx(vault, id, now);
    })
    .immediate();
  return findColleague(vault.db, id);
}

function markVerifiedInTx(vault: OpenVault, id: string, now: string): void {
  vault.db.prepare('UPDATE colleagues SET verified_at = ?, verified_by = ? WHERE id = ?').run(now, vault.user.id, id);
  vault.audit({ action: 'colleague.verify', entityType: 'colleague', entityId: id });
}

/** Mark a colleague's card verified after the fingerprint was compared with them. */
export function verifyColleague(vault: OpenVault, id: string): Colleague {
  const colleague = findColleague(vault.db, id);
  if (colleague.status === 'revoked') throw new AppError('CONFLICT', 'A revoked card cannot be verified.');
  if (colleague.status === 'unverified') {
    vault.db.transaction(() => markVerifiedInTx(vault, colleague.id, vault.now().toISOString())).immediate();
  }
  return findColleague(vault.db, colleague.id);
}

/** Revoke a colleague's card: bundles can no longer be sent to it, and bundles signed by it are refused. */
export function revokeColleague(vault: OpenVault, id: string, reason: string): Colleague {
  const colleague = findColleague(vault.db, id);
  if (colleague.status !== 'revoked') {
    vault.db
      .transaction(() => {
        vault.db
          .prepare('UPDATE colleagues SET revoked_at = ?, revoked_by = ? WHERE id = ?')
          .run(vault.now().toISOString(), vault.user.id, colleague.id);
        vault.audit({
          action: 'colleague.revoke',
          entityType: 'colleague',
          entityId: colleague.id,
          detail: { reason },
        });
      })
      .immediate();
  }
  return findColleague(vault.db, colleague.id);
}

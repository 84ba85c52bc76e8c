/**
 * The colleague directory: key cards imported from other people, checked by comparing the
 * fingerprint (in person or by phone) and marked verified, or revoked when no longer trusted.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import type { OpenVault } from '../vault/vault';
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

interface ColleagueRow {
  id: string;
  name: string;
  service: string;
  their_user_id: string;
  age_recipient: string;
  signing_public: string;
  fingerprint: string;
  added_at: string;
  verified_at: string | null;
  revoked_at: string | null;
}

function toColleague(row: ColleagueRow): Colleague {
  return {
    id: row.id,
    name: row.name,
    service: row.service,
    theirUserId: row.their_user_id,
    ageRecipient: row.age_recipient,
    signingKey: row.signing_public,
    fingerprint: row.fingerprint,
    status: row.revoked_at ? 'revoked' : row.verified_at ? 'verified' : 'unverified',
    addedAt: row.added_at,
    verifiedAt: row.verified_at,
    revokedAt: row.revoked_at,
  };
}

export function listColleagues(db: Db): Colleague[] {
  return (db.prepare('SELECT * FROM colleagues ORDER BY name COLLATE NOCASE').all() as ColleagueRow[]).map(toColleague);
}

export function findColleagueBySigningKey(db: Db, signingKey: string): Colleague | null {
  const row = db.prepare('SELECT * FROM colleagues WHERE signing_public = ?').get(signingKey) as
    ColleagueRow | undefined;
  return row ? toColleague(row) : null;
}

/** A colleague by exact name (case-insensitive) or id; an error if none or ambiguous. */
export function findColleague(db: Db, nameOrId: string): Colleague {
  const rows = db
    .prepare('SELECT * FROM colleagues WHERE id = ? OR name = ? COLLATE NOCASE')
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
    .prepare('SELECT * FROM colleagues WHERE signing_public = ? OR age_recipient = ?')
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
        vault.db
          .prepare(
            `INSERT INTO colleagues (id, name, service, their_user_id, age_recipient, signing_public, fingerprint, card, added_at, added_by)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            id,
            card.name,
            card.service,
            card.userId,
            card.ageRecipient,
            card.signingKey,
            card.fingerprint,
            JSON.stringify(card),
            now,
            vault.user.id,
          );
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

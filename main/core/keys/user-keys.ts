/**
 * Each user's bundle keys: an age X25519 identity (to receive bundles) and an Ed25519 key (to
 * sign them). Created lazily the first time they are needed, so users made before this feature
 * get keys too. Private halves are wrapped (AES-256-GCM) with a key derived from the database
 * key for this purpose only, bound to the user's id.
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { generateX25519Identity, identityToRecipient } from 'age-encryption';
import { z } from 'zod';
import type { Db } from '../db/connection';
import { AppError } from '../errors';
import { unwrapKey, wrapKey, type Wrapped } from '../vault/keywrap';
import type { OpenVault } from '../vault/vault';
import { keyFingerprint } from './fingerprint';
import { KEY_CARD_FORMAT, KEY_CARD_VERSION, type KeyCard } from './key-card';

const SUBKEY_PURPOSE = 'user-keys-v1';
const DEFAULT_SERVICE = 'NCATS (NSPCC and NHS)';

export interface UserKeys {
  userId: string;
  ageIdentity: string;
  ageRecipient: string;
  signingPrivate: KeyObject;
  signingKey: string;
  fingerprint: string;
  createdAt: string;
}

interface UserKeyRow {
  user_id: string;
  age_recipient: string;
  signing_public: string;
  fingerprint: string;
  wrapped: string;
  created_at: string;
}

const secretsSchema = z
  .object({ ageIdentity: z.string().startsWith('AGE-SECRET-KEY-1'), signingPkcs8: z.string() })
  .strict();

function aad(userId: string): string {
  return `ncats-user-keys-v1|${userId}`;
}

/** The base64url raw public key of an Ed25519 key object. */
export function signingKeyText(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return jwk.x;
}

/** An Ed25519 public key object from its base64url text. */
export function signingPublicKey(text: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: text }, format: 'jwk' });
}

/** Ed25519 signature of `data`, base64. */
export function signBytes(keys: UserKeys, data: Uint8Array): string {
  return sign(null, data, keys.signingPrivate).toString('base64');
}

/** Whether `signature` (base64) is a valid Ed25519 signature of `data` by `signingKey`. */
export function verifyBytes(signingKey: string, data: Uint8Array, signature: string): boolean {
  try {
    return verify(null, data, signingPublicKey(signingKey), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

function unwrapRow(vault: OpenVault, row: UserKeyRow): UserKeys {
  const subkey = vault.deriveSubkey(SUBKEY_PURPOSE);
  let plain: Buffer | null;
  try {
    plain = unwrapKey(subkey, JSON.parse(row.wrapped) as Wrapped, aad(row.user_id));
  } finally {
    subkey.fill(0);
  }
  if (!plain) throw new AppError('VAULT_CORRUPT', 'Your bundle keys could not be opened. The vault may be damaged.');
  const secrets = secretsSchema.parse(JSON.parse(plain.toString('utf8')));
  plain.fill(0);
  return {
    userId: row.user_id,
    ageIdentity: secrets.ageIdentity,
    ageRecipient: row.age_recipient,
    signingPrivate: createPrivateKey({
      key: Buffer.from(secrets.signingPkcs8, 'base64'),
      format: 'der',
      type: 'pkcs8',
    }),
    signingKey: row.signing_public,
    fingerprint: row.fingerprint,
    createdAt: row.created_at,
  };
}

export function findUserKeyRow(db: Db, userId: string): UserKeyRow | undefined {
  return db.prepare('SELECT * FROM user_keys WHERE user_id = ?').get(userId) as UserKeyRow | undefined;
}

/** The signed-in user's keys if they have any yet (never creates them: reading must not write). */
export function loadUserKeys(vault: OpenVault): UserKeys | null {
  const row = findUserKeyRow(vault.db, vault.user.id);
  return row ? unwrapRow(vault, row) : null;
}

/** The signed-in user's keys, created (and audited) on first use. */
export async function ensureUserKeys(vault: OpenVault): Promise<UserKeys> {
  const existing = findUserKeyRow(vault.db, vault.user.id);
  if (existing) return unwrapRow(vault, existing);
  const ageIdentity = await generateX25519Identity();
  const ageRecipient = await identityToRecipient(ageIdentity);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const signingKey = signingKeyText(publicKey);
  const secrets = Buffer.from(
    JSON.stringify({
      ageIdentity,
      signingPkcs8: privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
    }),
    'utf8',
  );
  const subkey = vault.deriveSubkey(SUBKEY_PURPOSE);
  const wrapped = wrapKey(subkey, secrets, aad(vault.user.id));
  subkey.fill(0);
  secrets.fill(0);
  const row: UserKeyRow = {
    user_id: vault.user.id,
    age_recipient: ageRecipient,
    signing_public: signingKey,
    fingerprint: keyFingerprint(ageRecipient, signingKey),
    wrapped: JSON.stringify(wrapped),
    created_at: vault.now().toISOString(),
  };
  vault.db
    .transaction(() => {
      vault.db
        .prepare(
          `INSERT INTO user_keys (user_id, age_recipient, signing_public, fingerprint, wrapped, created_at)
           VALUES (@user_id, @age_recipient, @signing_public, @fingerprint, @wrapped, @created_at)`,
        )
        .run(row);
      vault.audit({
        action: 'keys.create',
        entityType: 'user',
        entityId: vault.user.id,
        detail: { ageRecipient, fingerprint: row.fingerprint },
      });
    })
    .immediate();
  return unwrapRow(vault, row);
}

/** The name of the service on key cards: the vault setting `service.name`, or a default. */
export function serviceName(db: Db): string {
  const row = db.prepare(`SELECT value FROM settings WHERE key = 'service.name'`).get() as
    { value: string } | undefined;
  return row?.value ?? DEFAULT_SERVICE;
}

/** The signed-in user's key card (creating their keys if they have none yet). */
export async function myKeyCard(vault: OpenVault): Promise<KeyCard> {
  const keys = await ensureUserKeys(vault);
  return {
    format: KEY_CARD_FORMAT,
    version: KEY_CARD_VERSION,
    name: vault.user.displayName,
    service: serviceName(vault.db),
    userId: vault.user.id,
    ageRecipient: keys.ageRecipient,
    signingKey: keys.signingKey,
    fingerprint: keys.fingerprint,
    created: keys.createdAt,
  };
}

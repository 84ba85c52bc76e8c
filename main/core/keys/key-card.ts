/**
 * The key card: what a colleague needs to send you a bundle and to check one you sent. Public
 * only (no secret), small, JSON, saved as `<name>.ncatscard`.
 */
import { z } from 'zod';
import { keyFingerprint } from './fingerprint';

export const KEY_CARD_FORMAT = 'ncats-key-card';
export const KEY_CARD_VERSION = 1;
export const KEY_CARD_EXTENSION = '.ncatscard';

/** An age X25519 recipient (bech32, lower case). */
export const ageRecipientSchema = z.string().regex(/^age1[02-9ac-hj-np-z]{58}$/, 'Not an age recipient (age1...).');
/** Five groups of four base32 characters (see fingerprint.ts). */
export const fingerprintSchema = z.string().regex(/^[A-Z2-7]{4}(-[A-Z2-7]{4}){4}$/);
/** An Ed25519 public key as 32 bytes of base64url (the JWK `x` member). */
export const signingKeySchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'Not an Ed25519 public key.');

export const keyCardSchema = z
  .object({
    format: z.literal(KEY_CARD_FORMAT),
    version: z.literal(KEY_CARD_VERSION),
    name: z.string().trim().min(1).max(100),
    service: z.string().trim().min(1).max(200),
    userId: z.uuid(),
    ageRecipient: ageRecipientSchema,
    signingKey: signingKeySchema,
    fingerprint: fingerprintSchema,
    created: z.iso.datetime({ offset: true }),
  })
  .strict()
  .refine((c) => c.fingerprint === keyFingerprint(c.ageRecipient, c.signingKey), {
    message: 'The fingerprint on this card does not match its keys: the card has been altered.',
    path: ['fingerprint'],
  });
export type KeyCard = z.infer<typeof keyCardSchema>;

/** The bytes of a card file: pretty JSON so it can be read in a text editor. */
export function serialiseCard(card: KeyCard): string {
  return `${JSON.stringify(card, null, 2)}\n`;
}

/** Parse a card file's text; returns the reason it is not a card otherwise. */
export function parseCard(text: string): { ok: true; card: KeyCard } | { ok: false; reason: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'The file is not a key card (it is not JSON).' };
  }
  const parsed = keyCardSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      reason:
        `The file is not a valid key card: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'unknown problem'}`.trim(),
    };
  }
  return { ok: true, card: parsed.data };
}

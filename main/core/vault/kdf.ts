import { scrypt, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * scrypt from node:crypto: memory-hard, no native dependency, identical in Node and Electron.
 * The parameters are stored with each key slot, so a slot made on a slower laptop still opens
 * on a faster one and parameters can be raised later without breaking old slots.
 */
export const kdfParamsSchema = z
  .object({
    algorithm: z.literal('scrypt'),
    /** CPU/memory cost, a power of two. */
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 22),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    keyLength: z.literal(32),
  })
  .strict()
  .refine((k) => Number.isInteger(Math.log2(k.N)), 'N must be a power of two');
export type KdfParams = z.infer<typeof kdfParamsSchema>;

/** The floor for any slot: below this a stolen header is too cheap to attack. */
export const MIN_N = 2 ** 14;
const MAX_CALIBRATED_N = 2 ** 20;
export const TARGET_KDF_MS = 500;

export function scryptParams(N: number): KdfParams {
  return { algorithm: 'scrypt', N, r: 8, p: 1, keyLength: 32 };
}

export function newSalt(): Buffer {
  return randomBytes(16);
}

/** Derive a 32-byte wrapping key. Async so the main process keeps answering while it runs. */
export function deriveKey(password: string, salt: Buffer, params: KdfParams): Promise<Buffer> {
  const secret = Buffer.from(password.normalize('NFC'), 'utf8');
  // scrypt needs 128 * N * r bytes; allow that plus headroom.
  const maxmem = 128 * params.N * params.r + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    scrypt(secret, salt, params.keyLength, { N: params.N, r: params.r, p: params.p, maxmem }, (err, key) => {
      secret.fill(0);
      if (err) reject(err);
      else resolve(key);
    });
  });
}

/**
 * Choose N so one derivation takes about TARGET_KDF_MS on this machine: time a small run,
 * scale (scrypt is linear in N), round to a power of two, clamp to a sane range.
 */
export async function calibrate(targetMs = TARGET_KDF_MS): Promise<KdfParams> {
  const probeN = 2 ** 14;
  const salt = newSalt();
  await deriveKey('calibration', salt, scryptParams(probeN)); // warm up
  const started = performance.now();
  await deriveKey('calibration', salt, scryptParams(probeN));
  const elapsed = Math.max(performance.now() - started, 0.1);
  const exponent = Math.round(Math.log2((probeN * targetMs) / elapsed));
  const N = Math.min(Math.max(2 ** exponent, 2 ** 15), MAX_CALIBRATED_N);
  return scryptParams(N);
}

/**
 * Bundle fuzzing: a real bundle, exported by Alice to Bob through the app's channels, damaged
 * thousands of ways (see bundle-mutations.ts) and offered to Bob's app as a user would: uploaded
 * into the inbox through the upload route's function, previewed, applied, discarded, all through
 * the router. Properties: every answer is the router's envelope with a known, non-INTERNAL error
 * (a bundle signed by an attacker with her own key may preview, as from an unknown sender, but
 * never applies); Bob's vault digest is the same after each refused import as before it; and no
 * temporary file of the import is left in Bob's vault folder or the OS temp folder.
 *
 * Replay: `FUZZ_SEED=<seed> npx vitest run tests/main/fuzz/bundle-fuzz.test.ts` (the seed is
 * printed with any counterexample). Long run: `FUZZ_RUNS=5000` (mutated bundles).
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type Result } from '../../../preload/contract';
import { uploadBundle } from '../../../main/core/bundles/bundle-routes';
import { AppError } from '../../../main/core/errors';
import { uploadDocument } from '../../../main/core/documents/document-routes';
import { ensureUserKeys, myKeyCard } from '../../../main/core/keys/user-keys';
import { exchangeCards, laptop, makeCase, send, type Laptop } from '../core/bundles/app-fixtures';
import { buildTar, seal, takeApart } from '../core/bundles/craft';
import { applyMutation, mutationsOf, signedByAttacker, type BundleMaterial, type Mutation } from './bundle-mutations';
import { snapshotDifference, snapshotVault } from './vault-digest';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

/** Names in the OS temp folder that look like an import's or an upload's own temporary files. */
function strayTempFiles(): string[] {
  return readdirSync(tmpdir()).filter((n) => /\.partial$|^\.[0-9a-f-]{36}\.[0-9a-f]+\.tmp$/.test(n));
}

function describeMutation(m: Mutation): string {
  return JSON.stringify(m, (_k, v: unknown) => (v instanceof Uint8Array ? `<${v.length} bytes>` : v));
}

describe('bundle fuzzing: mutated bundles are refused and change nothing', () => {
  let parent = '';
  let work = '';
  let alice: Laptop;
  let bob: Laptop;
  let mallory: Laptop;
  let material: BundleMaterial;
  let bobRecipient = '';
  let bobIdentity = '';
  let tempBefore: string[] = [];
  const counts = new Map<string, number>();
  let n = 0;

  beforeAll(async () => {
    parent = mkdtempSync(join(tmpdir(), 'ncats-bundle-fuzz-'));
    alice = await laptop(parent, 'alice', 'Alice Ahmed');
    bob = await laptop(parent, 'bob', 'Bob Barnes');
    mallory = await laptop(parent, 'mallory', 'Mallory Mole');
    const cards = await exchangeCards(alice, bob);
    const made = await makeCase(alice, 'Fuzzbundle');
    // A document big enough to span several 64 KiB age chunks.
    const letter = Buffer.alloc(150_000, 0);
    for (let i = 0; i < letter.length; i++) letter[i] = (i * 7919) % 251;
    await uploadDocument(
      alice.core.manager.current(),
      { caseId: made.id, filename: 'letter.pdf' },
      Readable.from([letter]),
    );
    const file = await send(alice, made.id, cards.bOnA);
    const bobKeys = await ensureUserKeys(bob.core.manager.current());
    bobRecipient = bobKeys.ageRecipient;
    bobIdentity = bobKeys.ageIdentity;
    const attacker = await ensureUserKeys(mallory.core.manager.current());
    material = {
      outer: readFileSync(file),
      entries: await takeApart(file, bobKeys.ageIdentity),
      attacker,
      attackerCard: await myKeyCard(mallory.core.manager.current()),
    };
    work = mkdtempSync(join(parent, 'mutated-'));
    tempBefore = strayTempFiles();
  });

  afterAll(() => {
    for (const l of [alice, bob, mallory]) l?.core.manager.dispose();
    rmSync(parent, { recursive: true, force: true });
    const summary = [...counts.entries()].map(([k, v]) => `${k} ${v}`).join(', ');
    console.info(`Bundle fuzz (seed ${SEED}): ${n} mutated bundles: ${summary}`);
  });

  /** Upload `bytes` to Bob's inbox, preview, apply (not accepting unknown senders), discard. */
  async function offer(bytes: Buffer): Promise<{ preview: Result<unknown>; apply: Result<unknown> }> {
    let inboxId: string;
    try {
      ({ inboxId } = await uploadBundle(bob.core.manager.current(), Readable.from([bytes])));
    } catch (err) {
      // The upload route refuses some files itself (an empty one): its typed error is the answer.
      if (!(err instanceof AppError)) throw err;
      const refused: Result<unknown> = { ok: false, error: err.toShape() };
      return { preview: refused, apply: refused };
    }
    try {
      const preview = await bob.raw('bundle:preview', { inboxId });
      const apply = await bob.raw('bundle:apply', { inboxId, acceptUnknownSender: false });
      return { preview, apply };
    } finally {
      await bob.raw('bundle:discard', { inboxId });
    }
  }

  async function bytesOf(m: Mutation): Promise<Buffer> {
    const made = applyMutation(m, material);
    if ('outer' in made) return made.outer;
    const file = join(work, `sealed-${n}.ncatsbundle`);
    await seal(made.sealTar, bobRecipient, file);
    const bytes = readFileSync(file);
    rmSync(file);
    return bytes;
  }

  /** Whether `bytes` decrypt and read as exactly the original entries (names and contents). */
  async function sameEntries(bytes: Buffer): Promise<boolean> {
    const file = join(work, `check-${n}.ncatsbundle`);
    writeFileSync(file, bytes);
    try {
      const read = await takeApart(file, bobIdentity);
      return (
        read.length === material.entries.length &&
        read.every(
          (e, i) => e.name === material.entries[i]?.name && e.data.equals(material.entries[i]?.data ?? Buffer.alloc(0)),
        )
      );
    } catch {
      return false;
    } finally {
      rmSync(file, { force: true });
    }
  }

  function expectEnvelope(r: Result<unknown>, what: string, m: Mutation): void {
    if (r.ok) return;
    expect(ERROR_CODES, `${what}: unknown code`).toContain(r.error.code);
    expect(r.error.message.length, `${what}: no message`).toBeGreaterThan(0);
    if (r.error.code === 'INTERNAL') throw new Error(`${what} failed inside (INTERNAL) for ${describeMutation(m)}`);
  }

  it('the unmutated bundle, rebuilt and re-sealed by the fuzzer, previews (the harness is sound)', async () => {
    const rebuilt = join(work, 'rebuilt.ncatsbundle');
    await seal(buildTar(material.entries), bobRecipient, rebuilt);
    const { inboxId } = await uploadBundle(bob.core.manager.current(), Readable.from([readFileSync(rebuilt)]));
    const preview = await bob.raw('bundle:preview', { inboxId });
    await bob.raw('bundle:discard', { inboxId });
    expect(preview).toMatchObject({ ok: true, value: { state: 'ready' } });
    rmSync(rebuilt);
  });

  it(`${RUNS} mutated bundles: each refused with a clear error, the vault unchanged, no temp file left`, async () => {
    const property = fc.asyncProperty(mutationsOf(material), async (m) => {
      n++;
      counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
      const bytes = await bytesOf(m);
      const before = snapshotVault(bob.core.manager);
      const { preview, apply } = await offer(bytes);
      expectEnvelope(preview, 'bundle:preview', m);
      expectEnvelope(apply, 'bundle:apply', m);
      if (!signedByAttacker(m) && (preview.ok || apply.ok)) {
        // Some changes carry no meaning (more zero blocks after the tar's end): accepted only
        // when the bundle, read again, holds exactly the entries it held before.
        if (await sameEntries(bytes)) {
          counts.set(`harmless ${m.kind}`, (counts.get(`harmless ${m.kind}`) ?? 0) + 1);
          return;
        }
        throw new Error(`a damaged bundle was ${apply.ok ? 'applied' : 'previewed as good'}: ${describeMutation(m)}`);
      }
      if (apply.ok) throw new Error(`a bundle from an unknown sender was applied: ${describeMutation(m)}`);
      const after = snapshotVault(bob.core.manager);
      if (after.digest !== before.digest) {
        throw new Error(
          `a refused bundle changed the vault:\n${snapshotDifference(before, after)}\n${describeMutation(m)}`,
        );
      }
    });
    await fc.assert(property, { seed: SEED, numRuns: RUNS, endOnFailure: true });
    expect(strayTempFiles().filter((f) => !tempBefore.includes(f))).toEqual([]);
    expect(readdirSync(join(bob.dir, 'inbox'))).toEqual([]);
  }, 600_000);
});

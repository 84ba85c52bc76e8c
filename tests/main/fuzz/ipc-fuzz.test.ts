/**
 * IPC fuzzing: every channel in the contract (enumerated from it, so a new channel is fuzzed
 * without being listed), through the router the app uses, signed in as each role and locked,
 * with hostile inputs and inputs derived from the channel's own schema mutated one field at a
 * time. Properties: the answer is always the router's envelope (a success, or an error with a
 * known code and a message); nothing throws to the caller; no handler fails unexpectedly
 * (INTERNAL); and no refused input writes anything (a digest of every table, the vault folder
 * and the key slots, before and after). Unhandled rejections fail the run through vitest.
 *
 * Replay: a failure prints the command (`FUZZ_SEED=.. FUZZ_RUNS=.. FUZZ_ONLY=<channel> npx
 * vitest run tests/main/fuzz/ipc-fuzz.test.ts`). FUZZ_ONLY replays the channel's inputs exactly
 * but not what earlier channels wrote; without it the whole run replays. Long run:
 * `FUZZ_RUNS=25` (inputs per channel per state).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, ERROR_CODES, contract, type Channel, type Result } from '../../../preload/contract';
import { createCore, type Core } from '../../../main/core/core';
import { checkAccess } from '../../../main/core/ipc/access';
import { FAST } from '../core/temp-vault';
import { channelInputs, type FuzzInput } from './channel-inputs';
import { snapshotDifference, snapshotVault, type VaultSnapshot } from './vault-digest';
import { unknownKinds } from './zod-arbitrary';

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3);
/** Fuzz one channel only (to replay a failure quickly). */
const ONLY = process.env.FUZZ_ONLY;

const USERS = {
  administrator: { username: 'admin', displayName: 'Ada Admin', password: 'correct horse battery' },
  clinician: { username: 'clin', displayName: 'Cal Clinician', password: 'clinician password 1' },
  'read-only': { username: 'reader', displayName: 'Rea Reader', password: 'read only password 1' },
} as const;
type Role = keyof typeof USERS;
type State = Role | 'locked';
// The administrator goes last: with enough runs a fuzzed input succeeds at what an administrator
// may do to other users (a password reset or disabling them), after which the clinician and the
// read-only user could no longer sign in for their own rounds: FUZZ_RUNS=30 met it as WRONG_PASSWORD.
const STATES: State[] = ['locked', 'read-only', 'clinician', 'administrator'];

/** What one state's run saw, per channel: the figures for the closing note. */
interface Tally {
  inputs: number;
  reachedHandler: number;
  succeeded: number;
}

/** A per-channel, per-state seed, so one channel's failure replays without running the rest. */
function seedFor(channel: string, state: State): number {
  let h = SEED;
  for (const ch of `${state}/${channel}`) h = (Math.imul(h, 31) + ch.charCodeAt(0)) | 0;
  return h;
}

function describeInput(f: FuzzInput): string {
  const text = (() => {
    try {
      return JSON.stringify(f.input) ?? String(f.input);
    } catch {
      return String(f.input);
    }
  })();
  return `${f.mutation}${f.path ? ` at ${f.path.join('.')}` : ''}: ${text.slice(0, 200)}${text.length > 200 ? '...' : ''}`;
}

describe('IPC fuzzing: every channel, every role, hostile inputs', () => {
  let dir = '';
  let core: Core;
  const knownIds: string[] = [];
  const tallies = new Map<string, Tally>();

  async function call(channel: string, input: unknown): Promise<unknown> {
    const result = await core.router(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
    return result.value;
  }

  async function become(state: State): Promise<void> {
    const m = core.manager;
    if (state === 'locked') return m.lock('explicit');
    if (m.isUnlocked() && m.current().user.username === USERS[state].username) return;
    await m.unlock(USERS[state].username, USERS[state].password);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ncats-ipc-fuzz-'));
    core = createCore(join(dir, 'vault'), { vault: FAST });
    await core.manager.create(USERS.administrator);
    for (const role of ['clinician', 'read-only'] as const) {
      await call('user:create', { ...USERS[role], role });
    }
    // Something for ids to find, so a mutated sample can reach past "not found".
    const made = (await call('case:create', {
      referralDate: '2026-01-12',
      youngPerson: { givenName: 'Sam', familyName: 'Fuzzington', dateOfBirth: '2012-05-01' },
    })) as { id: string; youngPerson?: { id?: string } };
    knownIds.push(made.id);
    if (made.youngPerson?.id) knownIds.push(made.youngPerson.id);
    for (const u of (await call('user:list', {})) as { id: string }[]) knownIds.push(u.id);
  });

  afterAll(() => {
    core.manager.dispose();
    rmSync(dir, { recursive: true, force: true });
    const totals = [...tallies.values()].reduce(
      (a, t) => ({ inputs: a.inputs + t.inputs, reached: a.reached + t.reachedHandler, ok: a.ok + t.succeeded }),
      { inputs: 0, reached: 0, ok: 0 },
    );
    console.info(
      `IPC fuzz (seed ${SEED}, ${RUNS} runs per channel per state): ${CHANNELS.length} channels, ` +
        `${totals.inputs} inputs, ${totals.reached} reached a handler, ${totals.ok} succeeded`,
    );
  });

  it('the schema walker knows every kind of schema in the contract', () => {
    const unknown = new Set<string>();
    for (const channel of CHANNELS) unknownKinds(contract[channel].input, unknown);
    expect([...unknown]).toEqual([]);
  });

  it('the digest sees one audit row and one stray file (the no-write check can fail)', async () => {
    await become('administrator');
    const before = snapshotVault(core.manager);
    core.manager.current().audit({ action: 'fuzz.control' });
    const afterRow = snapshotVault(core.manager);
    expect(afterRow.digest).not.toBe(before.digest);
    expect(snapshotDifference(before, afterRow)).toContain('fuzz.control');
    const stray = join(dir, 'vault', 'stray.tmp');
    writeFileSync(stray, 'x');
    expect(snapshotVault(core.manager).digest).not.toBe(afterRow.digest);
    rmSync(stray);
    expect(snapshotVault(core.manager).digest).toBe(afterRow.digest);
  });

  for (const state of STATES) {
    it(`as ${state}: every channel answers with the envelope and a refused input writes nothing`, async () => {
      await become(state);
      const expectedUser = state === 'locked' ? null : USERS[state].username;
      let baseline: VaultSnapshot = snapshotVault(core.manager);

      /** After a success (which may lock, or sign someone else in), come back to `state`. */
      const restore = async (): Promise<void> => {
        const m = core.manager;
        const signedIn = m.isUnlocked() ? m.current().user.username : null;
        if (state === 'locked') expect(signedIn, 'a locked vault was unlocked by fuzzed input').toBeNull();
        else if (signedIn !== expectedUser) await become(state);
      };

      for (const channel of CHANNELS.filter((c) => !ONLY || c === ONLY)) {
        const def = contract[channel as Channel];
        const tally: Tally = { inputs: 0, reachedHandler: 0, succeeded: 0 };
        tallies.set(`${state}/${channel}`, tally);
        const property = fc.asyncProperty(channelInputs(def.input, { knownIds }), async (fuzz): Promise<void> => {
          tally.inputs++;
          // The router's own first checks, asked in advance: only an input that passes both
          // reaches a handler, and only such an input needs a digest of its own.
          const reaches =
            def.input.safeParse(fuzz.input ?? {}).success && checkAccess(def.access, core.manager) === null;
          const before = reaches ? snapshotVault(core.manager) : baseline;
          let result: Result<unknown>;
          try {
            result = await core.router(channel, fuzz.input);
          } catch (err) {
            throw new Error(`${channel} threw to the caller: ${String(err)}\n${describeInput(fuzz)}`);
          }
          expect(typeof result.ok, `${channel} answered outside the envelope`).toBe('boolean');
          if (!result.ok) {
            expect(ERROR_CODES, `${channel}: unknown error code`).toContain(result.error.code);
            expect(result.error.message.length, `${channel}: an error without a message`).toBeGreaterThan(0);
            if (result.error.code === 'INTERNAL') {
              throw new Error(`${channel} failed inside (INTERNAL) as ${state}\n${describeInput(fuzz)}`);
            }
          }
          if (!reaches) {
            expect(result.ok, `${channel}: an input the router must refuse was accepted`).toBe(false);
            return;
          }
          tally.reachedHandler++;
          if (result.ok) {
            tally.succeeded++;
            await restore();
            baseline = snapshotVault(core.manager);
            return;
          }
          const after = snapshotVault(core.manager);
          if (after.digest !== before.digest) {
            throw new Error(
              `${channel} refused an input (${result.error.code}) yet changed the vault as ${state}:\n` +
                `${snapshotDifference(before, after)}\n${describeInput(fuzz)}`,
            );
          }
          baseline = after;
        });
        const started = Date.now();
        try {
          await fc.assert(property, { seed: seedFor(channel, state), numRuns: RUNS, endOnFailure: true });
        } catch (err) {
          // fast-check prints the channel's own seed; the run is replayed from the base seed.
          throw new Error(
            `${channel} as ${state}: replay with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} FUZZ_ONLY=${channel}\n${String(err)}`,
          );
        }
        if (process.env.FUZZ_VERBOSE) console.info(`${state} ${channel} ${Date.now() - started} ms`, tally);
        // The inputs refused before any handler ran are checked together, once per channel.
        const after = snapshotVault(core.manager);
        if (after.digest !== baseline.digest) {
          throw new Error(
            `${channel} changed the vault on refused input as ${state}:\n${snapshotDifference(baseline, after)}`,
          );
        }
      }
    }, 600_000);
  }
});

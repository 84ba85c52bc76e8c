/**
 * Times every scrypt run in this process, so the unlock -> caseload figure can subtract the KDF
 * of that very unlock instead of a KDF figure measured separately (which, on a loaded 2-core
 * machine, differed from the real one by hundreds of milliseconds either way).
 *
 * The browser host runs in the benchmark's own process, and the core's KDF is node:crypto's
 * `scrypt` (main/core/vault/kdf.ts), so wrapping the builtin catches exactly the derivation the
 * sign-in runs, without any timing code in the core. `syncBuiltinESMExports` makes the wrapper
 * visible to ES module imports (`import { scrypt } from 'node:crypto'`) as well.
 */
import type * as NodeCrypto from 'node:crypto';
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const crypto = require('node:crypto') as typeof NodeCrypto;

type ScryptCallback = (err: Error | null, key: Buffer) => void;

/** Install the wrapper; returns the durations (ms) recorded so far and a way to remove it. */
export function timeScrypt(): { take(): number[]; restore(): void } {
  const original = crypto.scrypt;
  let recorded: number[] = [];
  const wrapped = (...args: unknown[]): void => {
    const callback = args.at(-1) as ScryptCallback;
    const started = performance.now();
    const rest = args.slice(0, -1);
    (original as (...a: unknown[]) => void)(...rest, (err: Error | null, key: Buffer) => {
      recorded.push(performance.now() - started);
      callback(err, key);
    });
  };
  crypto.scrypt = wrapped as typeof crypto.scrypt;
  syncBuiltinESMExports();
  return {
    /** The durations since the last call, oldest first. */
    take() {
      const out = recorded;
      recorded = [];
      return out;
    },
    restore() {
      crypto.scrypt = original;
      syncBuiltinESMExports();
    },
  };
}

/**
 * The inputs the IPC fuzzer sends to one channel, all derived from the channel's own schema so
 * a channel added to the contract is fuzzed without anyone listing it: a hostile value in place
 * of the whole input; a schema-shaped sample as it is; and such a sample mutated one field at a
 * time (the field replaced by a hostile value, removed, or given a poisoned neighbour), an extra
 * key, or the whole sample wrapped in an array.
 */
import fc from 'fast-check';
import type { z } from 'zod';
import { POISONED_OBJECTS, hostileValue } from './hostile-values';
import { fieldPaths, sampleOf, type SampleOptions } from './zod-arbitrary';

type Path = (string | number)[];

/** What was done to the sample, for counting and for a counterexample that reads well. */
export type Mutation = 'whole' | 'sample' | 'replace' | 'remove' | 'extra-key' | 'poisoned-key' | 'wrapped';

export interface FuzzInput {
  mutation: Mutation;
  path?: Path;
  input: unknown;
}

function isContainer(value: unknown): value is Record<string | number, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A copy of `root` with the value at `path` set (or deleted when `remove`); missing steps are made. */
export function withField(root: unknown, path: Path, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const [step, ...rest] = path as [string | number, ...Path];
  if (Array.isArray(root)) {
    const copy: unknown[] = [...(root as unknown[])];
    const index = Number(step);
    if (rest.length === 0 && remove) copy.splice(index, 1);
    else copy[index] = withField(copy[index], rest, value, remove);
    return copy;
  }
  const entries = Object.entries(isContainer(root) ? root : {}).filter(
    ([key]) => !(rest.length === 0 && remove && key === String(step)),
  );
  const copy = Object.fromEntries(entries);
  if (!(rest.length === 0 && remove)) {
    // defineProperty, so a step named `__proto__` is an own key, as JSON.parse would make it.
    Object.defineProperty(copy, step, {
      value: withField(copy[step], rest, value, remove),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}

/** Every kind of input for a channel whose input schema is `schema`. */
export function channelInputs(schema: z.ZodType, options: SampleOptions): fc.Arbitrary<FuzzInput> {
  const sample = sampleOf(schema, options);
  const paths = fieldPaths(schema);
  const keyName = fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'role', 'id'), fc.string());
  const kinds: fc.Arbitrary<FuzzInput>[] = [
    hostileValue.map((input) => ({ mutation: 'whole', input })),
    sample.map((input) => ({ mutation: 'sample', input })),
    fc.tuple(sample, keyName, hostileValue).map(([s, key, v]) => ({
      mutation: 'extra-key',
      // defineProperty, so `__proto__` becomes an own key as JSON.parse would make it.
      input: isContainer(s) ? Object.defineProperty({ ...s }, key, { value: v, enumerable: true }) : s,
    })),
    sample.map((s) => ({ mutation: 'wrapped', input: [s] })),
  ];
  if (paths.length) {
    const path = fc.constantFrom(...paths);
    kinds.push(
      fc
        .tuple(sample, path, hostileValue)
        .map(([s, p, v]) => ({ mutation: 'replace', path: p, input: withField(s, p, v) })),
      fc
        .tuple(sample, path)
        .map(([s, p]) => ({ mutation: 'remove', path: p, input: withField(s, p, undefined, true) })),
      fc.tuple(sample, path, fc.constantFrom(...POISONED_OBJECTS)).map(([s, p, v]) => ({
        mutation: 'poisoned-key',
        path: p,
        input: withField(s, p, v),
      })),
    );
  }
  // Mutations of a sample weigh most: they are the ones that get past the schema's first check.
  return fc.oneof(
    { arbitrary: kinds[0] as fc.Arbitrary<FuzzInput>, weight: 2 },
    { arbitrary: kinds[1] as fc.Arbitrary<FuzzInput>, weight: 3 },
    ...kinds.slice(2).map((arbitrary) => ({ arbitrary, weight: 2 })),
  );
}

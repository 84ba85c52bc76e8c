/**
 * Values an attacker (a compromised renderer) might send in place of a channel's input or of
 * one field of it: wrong types, the extremes of numbers, unicode that breaks naive code, huge
 * and deeply nested values, and keys that poison prototypes. Built once: the 1 MB strings and
 * the 1,000-deep object are constants, so the fuzzer spends its time in the app, not here.
 */
import fc from 'fast-check';

/** An object nested `depth` levels deep ({ a: { a: ... } }). */
export function deepObject(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { leaf: true };
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

/** An array nested `depth` levels deep ([[[...]]]). */
export function deepArray(depth: number): unknown[] {
  let value: unknown[] = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const MEGABYTE = 1 << 20;

/**
 * Objects whose own keys are `__proto__`, `constructor` or `prototype`, as JSON.parse makes
 * them (an own `__proto__` key, which a naive merge copies onto Object.prototype).
 */
export const POISONED_OBJECTS: readonly unknown[] = [
  JSON.parse('{"__proto__": {"polluted": true, "role": "administrator"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  JSON.parse('{"prototype": {"polluted": true}}'),
  JSON.parse('{"__proto__": null}'),
  Object.assign(Object.create(null) as object, { toString: 'not a function', valueOf: 1 }),
];

/** Strings that break code which assumes tidy text. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800', // a lone high surrogate
  '\udfff', // a lone low surrogate
  'x\ud83dy', // half an emoji
  '\u202e\u0644\u0627 reversed', // right-to-left override
  'e\u0301\u0301\u0301\u0301', // stacked combining marks
  '\ufeffbom',
  '\uffff\ufffe',
  '👨‍👩‍👧‍👦'.repeat(10),
  '\r\n\t\v\f',
  "'; DROP TABLE cases; --",
  '" OR 1=1 --',
  '%s%s%n%x',
  '../../../../etc/passwd',
  'C:\\Windows\\System32',
  '<script>alert(1)</script>',
  '${process.exit(1)}',
  '2026-02-30',
  '31/12/2026',
  '0000-00-00',
  '9999-99-99T99:99:99Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  'NaN',
  '__proto__',
  'constructor',
  'x'.repeat(MEGABYTE),
  '\ud800'.repeat(MEGABYTE / 2),
  '😀'.repeat(MEGABYTE / 4),
];

/** Numbers at and past the edges. */
export const HOSTILE_NUMBERS: readonly number[] = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  0,
  -1,
  0.5,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER - 2,
  2 ** 31,
  -(2 ** 31) - 1,
  Number.EPSILON,
];

/** Values of the wrong kind altogether, and the huge and deep ones. */
export const HOSTILE_SHAPES: readonly unknown[] = [
  null,
  undefined,
  true,
  false,
  [],
  [1, 2, 3],
  [{}],
  {},
  { length: 1e9 },
  BigInt(1) as unknown,
  new Date(Number.NaN),
  deepObject(1000),
  deepArray(1000),
  Array.from({ length: 10_000 }, (_, i) => i),
];

/** Any one hostile value. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(...HOSTILE_SHAPES),
  fc.constantFrom(...POISONED_OBJECTS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
);

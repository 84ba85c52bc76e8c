/**
 * Turn a channel's own zod input schema into a fast-check arbitrary of inputs that look valid
 * (right keys, right types, lengths, enums, formats and number ranges), so a fuzzer mutating one
 * field of such an input gets past the schema's other checks and reaches the one it is aimed at.
 *
 * Best effort, by design: refinements (`.refine`, `.superRefine`) are not inverted, so some
 * samples still fail the schema; the IPC fuzzer counts how many pass and reports it. Only the
 * schema kinds the contract uses are walked (a test fails if a new kind appears, so the walker
 * grows with the contract rather than silently generating nothing).
 */
import fc from 'fast-check';
import type { z } from 'zod';

/** The parts of zod 4's internal definition this walker reads. */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  format?: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  entries?: Record<string, string | number>;
  defaultValue?: unknown;
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: number;
  inclusive?: boolean;
}

export function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function checksOf(def: Def): CheckDef[] {
  return (def.checks ?? []).map((c) => c._zod.def);
}

/** Schema kinds the walker knows; anything else is reported by `unknownKinds`. */
const KNOWN = new Set([
  'object',
  'never',
  'string',
  'enum',
  'default',
  'prefault',
  'nullable',
  'optional',
  'pipe',
  'transform',
  'boolean',
  'array',
  'number',
  'unknown',
  'record',
]);

/** Kinds in `schema` this walker cannot generate for (should be empty). */
export function unknownKinds(schema: z.ZodType, out = new Set<string>()): Set<string> {
  const def = defOf(schema);
  if (!KNOWN.has(def.type)) out.add(def.type);
  for (const child of children(def)) unknownKinds(child, out);
  return out;
}

function children(def: Def): z.ZodType[] {
  const list: (z.ZodType | undefined)[] = [def.innerType, def.element, def.in, def.out, def.keyType, def.valueType];
  if (def.shape) list.push(...Object.values(def.shape));
  return list.filter((s): s is z.ZodType => s !== undefined);
}

export interface SampleOptions {
  /** Ids that exist in the fuzzed vault: a uuid field picks one of them half the time. */
  knownIds: readonly string[];
}

function stringArbitrary(def: Def, options: SampleOptions): fc.Arbitrary<string> {
  const checks = checksOf(def);
  if (def.format === 'uuid') {
    return options.knownIds.length ? fc.oneof(fc.constantFrom(...options.knownIds), fc.uuid()) : fc.uuid();
  }
  if (def.format === 'datetime') {
    return fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString());
  }
  let minLength = 0;
  let maxLength: number | undefined;
  for (const c of checks) {
    if (c.check === 'min_length' && c.minimum !== undefined) minLength = c.minimum;
    if (c.check === 'max_length' && c.maximum !== undefined) maxLength = c.maximum;
  }
  const regex = checks.find((c) => c.check === 'string_format' && c.pattern)?.pattern;
  // A calendar date pattern: real dates in the service's years, or every sample fails the refinement.
  if (regex?.source === '^\\d{4}-\\d{2}-\\d{2}$') {
    return fc
      .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10));
  }
  if (regex) {
    const upper = maxLength ?? Number.MAX_SAFE_INTEGER;
    return fc.stringMatching(regex).filter((s) => s.length >= minLength && s.length <= upper);
  }
  const upper = Math.min(maxLength ?? 60, Math.max(minLength, 60));
  // Mostly plain words, so a trimmed minimum is met; sometimes any text at all.
  const text = fc.oneof(
    fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,30}[a-z]$/),
    fc.string({ minLength, maxLength: upper, unit: 'grapheme' }),
  );
  return text.map((t) => (t.length > upper ? t.slice(0, upper) : t.padEnd(minLength, 'x')));
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  let min = -1_000_000;
  let max = 1_000_000;
  for (const c of checksOf(def)) {
    if (c.check === 'greater_than' && c.value !== undefined)
      min = c.inclusive ? c.value : c.value + (def.format ? 1 : 1e-6);
    if (c.check === 'less_than' && c.value !== undefined)
      max = c.inclusive ? c.value : c.value - (def.format ? 1 : 1e-6);
  }
  if (def.format === 'safeint') return fc.integer({ min: Math.ceil(min), max: Math.floor(max) });
  return fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** An arbitrary of values shaped like `schema` accepts. */
export function sampleOf(schema: z.ZodType, options: SampleOptions): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const shape = def.shape ?? {};
      const required: string[] = [];
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, child] of Object.entries(shape)) {
        record[key] = sampleOf(child, options);
        const kind = defOf(child).type;
        if (kind !== 'optional' && kind !== 'default' && kind !== 'prefault') required.push(key);
      }
      return fc.record(record, { requiredKeys: required });
    }
    case 'string':
      return stringArbitrary(def, options);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { none: 'none' }));
    case 'nullable':
      return fc.option(sampleOf(def.innerType as z.ZodType, options), { nil: null, freq: 4 });
    case 'optional':
    case 'default':
    case 'prefault':
      return sampleOf(def.innerType as z.ZodType, options);
    case 'pipe':
      return sampleOf(def.in as z.ZodType, options);
    case 'array': {
      let maxLength = 3;
      let minLength = 0;
      for (const c of checksOf(def)) {
        if (c.check === 'min_length' && c.minimum !== undefined) minLength = c.minimum;
        if (c.check === 'max_length' && c.maximum !== undefined)
          maxLength = Math.min(c.maximum, Math.max(minLength, 3));
      }
      return fc.array(sampleOf(def.element as z.ZodType, options), { minLength, maxLength });
    }
    case 'record':
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), sampleOf(def.valueType as z.ZodType, options), {
        maxKeys: 3,
      });
    case 'unknown':
      return fc.jsonValue({ maxDepth: 2 });
    default:
      // 'never' (a strict object's catch-all) and 'transform' have no value of their own.
      return fc.constant(undefined);
  }
}

/**
 * The paths (key lists) of every field in an input shaped like `schema`, down through nested
 * objects: where "one field at a time" mutations aim. Array elements are addressed as index 0.
 */
export function fieldPaths(schema: z.ZodType, prefix: (string | number)[] = []): (string | number)[][] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      const out: (string | number)[][] = [];
      for (const [key, child] of Object.entries(def.shape ?? {})) {
        out.push([...prefix, key], ...fieldPaths(child, [...prefix, key]));
      }
      return out;
    }
    case 'nullable':
    case 'optional':
    case 'default':
    case 'prefault':
      return fieldPaths(def.innerType as z.ZodType, prefix);
    case 'pipe':
      return fieldPaths(def.in as z.ZodType, prefix);
    case 'array':
      return [[...prefix, 0], ...fieldPaths(def.element as z.ZodType, [...prefix, 0])];
    default:
      return [];
  }
}

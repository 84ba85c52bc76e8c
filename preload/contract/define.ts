/**
 * The building blocks of a channel definition, and the rule for naming channels.
 *
 * **Naming rule.** A channel is named `<record>:<verb>`:
 * - `<record>` is the record the call is about, in the singular and in camelCase: `case`,
 *   `person`, `user`, `colleague`, `key`, `flag`, `task`, `note`, `document`, `draft`, `bundle`.
 *   A few names are of things rather than records, and stay as they are: `caseload`,
 *   `chronology`, `paperwork`, `search`, `vault`, `session`, `audit`, and the names of a field of
 *   work that end in `s` without being plurals: `psychometrics`, `statistics`.
 * - `<verb>` says what the call does, in camelCase, starting with a verb where one reads well:
 *   `person:add`, `user:create`, `colleague:list`, `key:exportCard`, `task:listMine`.
 *
 * {@link channelNameProblem} states the rule as code; a test applies it to every channel in the
 * contract, so a plural or misshapen name fails the build.
 */
import { z } from 'zod';
import { ROLES, type Role } from './common';

/** Plurals that do not end in `s`, which the ending alone would not catch. */
const IRREGULAR_PLURALS: ReadonlySet<string> = new Set(['people', 'children', 'men', 'women', 'staff']);

/** Names of a field of work that end in `s` and are not plurals (`psychometrics:record`). */
const SINGULAR_IN_S: ReadonlySet<string> = new Set(['psychometrics', 'statistics']);

/**
 * Why `name` breaks the channel naming rule (in words), or null when it keeps it. A record
 * ending in `s` reads as a plural unless it ends in `ss`, `us` or `is` (`address`, `status`,
 * `analysis`).
 */
export function channelNameProblem(name: string): string | null {
  const match = /^([a-z][a-zA-Z]*):([a-z][a-zA-Z]*)$/.exec(name);
  if (!match) return `"${name}" is not of the form record:verb (camelCase letters either side of one colon).`;
  const record = match[1] as string;
  const plural =
    IRREGULAR_PLURALS.has(record) || (/s$/.test(record) && !/(ss|us|is)$/.test(record) && !SINGULAR_IN_S.has(record));
  return plural ? `"${name}" names its record in the plural; use the singular ("${record}" is plural).` : null;
}

// ---------------------------------------------------------------------------------------------

/** Who may call a channel: anyone (before unlock), or a signed-in user with one of the roles. */
export type Access = { kind: 'public' } | { kind: 'session'; roles: readonly Role[] };

export const PUBLIC: Access = { kind: 'public' };
export const ANY_USER: Access = { kind: 'session', roles: ROLES };
export const ADMIN_ONLY: Access = { kind: 'session', roles: ['administrator'] };

export interface ChannelDef<I extends z.ZodType, O> {
  input: I;
  access: Access;
  /** Phantom: carries the output type. Never set at run time. */
  readonly __output?: O;
}

/** Curried so the output type can be given while the input type is inferred. */
export function channel<O>() {
  return <I extends z.ZodType>(input: I, access: Access): ChannelDef<I, O> => ({ input, access });
}

/** Clinicians and administrators may change case data; read-only users may only look. */
export const CASE_WRITERS: Access = { kind: 'session', roles: ['administrator', 'clinician'] };

export const empty = z.object({}).strict();

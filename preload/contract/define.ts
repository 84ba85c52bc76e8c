/** The building blocks of a channel definition. */
import { z } from 'zod';
import { ROLES, type Role } from './common';

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

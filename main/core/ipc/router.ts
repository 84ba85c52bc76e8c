import type { z } from 'zod';
import {
  contract,
  type AppErrorShape,
  type Channel,
  type ChannelOutput,
  type ChannelParsedInput,
  type Result,
} from '../../../preload/contract';
import { AppError } from '../errors';
import type { SessionManager } from '../session/session-manager';
import { checkAccess, ROLE_REFUSED } from './access';

/**
 * What the shell around the core can do for a handler that the core cannot do itself.
 * Electron supplies a native save dialog; the browser host supplies nothing.
 */
export interface ShellServices {
  /**
   * Ask the user where to save a file (a native dialog). The path comes from the user, never
   * from the renderer, which is untrusted. Null when the user cancels.
   */
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  /**
   * The system clipboard (Electron's `clipboard` module), so that text copied from the app is
   * cleared after 30 seconds and on lock. Absent in the browser host: the renderer does it.
   */
  clipboard?: { readText(): string | Promise<string>; clear(): void };
}

export interface HandlerContext {
  manager: SessionManager;
  shell: ShellServices;
}

export type Handler<C extends Channel> = (
  input: ChannelParsedInput<C>,
  ctx: HandlerContext,
) => ChannelOutput<C> | Promise<ChannelOutput<C>>;

/** One handler per channel; a missing one is a compile error. */
export type Handlers = { [C in Channel]: Handler<C> };

/** The handlers for one domain's channel map (e.g. `typeof vaultChannels`). */
export type HandlersFor<M> = { [C in keyof M & Channel]: Handler<C> };

export type Router = (channel: string, input: unknown) => Promise<Result<unknown>>;

function fail(code: AppErrorShape['code'], message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name);
}

/**
 * The single choke point between the untrusted renderer and the core. For every call, in this
 * order: the channel must exist, the input must parse against the contract's schema, the vault
 * must be unlocked for session channels, and the user's role must be allowed. Only then does
 * the handler run. Every outcome is a Result; nothing throws across the boundary.
 */
export function createRouter(
  handlers: Handlers,
  manager: SessionManager,
  log: (err: unknown) => void = console.error,
  shell: ShellServices = {},
): Router {
  return async (channel, input) => {
    if (typeof channel !== 'string' || !isChannel(channel)) {
      return fail('UNKNOWN_CHANNEL', 'The app asked for something that does not exist.');
    }
    const def = contract[channel];
    const parsed = def.input.safeParse(input ?? {});
    if (!parsed.success) return fail('INVALID_INPUT', describeIssues(parsed.error));
    const refused = checkAccess(def.access, manager, ROLE_REFUSED, channel);
    if (refused) return fail(refused.code, refused.message);
    if (def.access.kind === 'session') manager.touch();
    try {
      const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => unknown;
      const value = await handler(parsed.data, { manager, shell });
      return { ok: true, value: value ?? null };
    } catch (err) {
      if (err instanceof AppError) return { ok: false, error: err.toShape() };
      log(err);
      return fail(
        'INTERNAL',
        'Something went wrong inside the app. Nothing was saved. If it happens again, tell your administrator.',
      );
    }
  };
}

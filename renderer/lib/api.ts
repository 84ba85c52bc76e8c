/**
 * The renderer's only way to reach the core: a typed wrapper of `window.api`.
 *
 * In Electron the preload bridge defines `window.api`; in the browser test host a script
 * injected before this bundle does. Both follow the `Api` type derived from the contract, so a
 * channel name or input shape that the core does not know is a compile error here.
 */
import type {
  AppErrorShape,
  Api,
  Channel,
  ChannelInput,
  ChannelOutput,
  ErrorCode,
  EventName,
  EventPayloads,
  Result,
} from '../../preload/contract';

declare global {
  interface Window {
    api?: Api;
  }
}

/** A failed call, carrying the core's stable error code and its plain-English message. */
export class ApiError extends Error {
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;

  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.name = 'ApiError';
    this.code = shape.code;
    this.retryAfterMs = shape.retryAfterMs;
  }
}

let lockedHandler: () => void = () => undefined;

/**
 * Register what to do when any call reports LOCKED (the vault locked behind our back, e.g. the
 * idle timer fired between an event being lost and the next click). App-wide lock handling.
 */
export function setLockedHandler(handler: () => void): void {
  lockedHandler = handler;
}

function bridge(): Api {
  const api = window.api;
  if (!api) {
    throw new ApiError({
      code: 'INTERNAL',
      message: 'The app could not connect to its secure store. Close it and open it again.',
    });
  }
  return api;
}

/**
 * Call a channel. Resolves with the value, or rejects with an ApiError. A LOCKED error also
 * triggers the app-wide lock handling before it is rethrown, so no screen keeps data on show.
 */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  // The mapped Api type cannot be indexed by a generic key without widening; the contract
  // guarantees this function has exactly this signature.
  const fn = bridge()[channel] as (input: ChannelInput<C>) => Promise<Result<ChannelOutput<C>>>;
  let result: Result<ChannelOutput<C>>;
  try {
    result = await fn(input);
  } catch {
    throw new ApiError({
      code: 'INTERNAL',
      message: 'The app could not reach its secure store. Nothing was saved. Try again.',
    });
  }
  if (result.ok) return result.value;
  if (result.error.code === 'LOCKED') lockedHandler();
  throw new ApiError(result.error);
}

/** Subscribe to an event from the main process; returns the unsubscribe function. */
export function onEvent<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
  return bridge().on(event, listener);
}

/** The message to show for any thrown value, never a stack trace or internal detail. */
export function errorMessage(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return 'Something went wrong inside the app. Nothing was saved. Try again.';
}

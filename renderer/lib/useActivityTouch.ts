import { useEffect } from 'react';
import { call } from './api';

/** Tell the core about activity at most this often; the idle lock works in minutes. */
export const TOUCH_INTERVAL_MS = 30_000;

const ACTIVITY_EVENTS = ['keydown', 'pointerdown', 'wheel'] as const;

/**
 * While signed in, report keyboard, pointer and wheel activity to the core (throttled) so the
 * idle lock, which the main process owns, measures real use rather than time since sign-in.
 */
export function useActivityTouch(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    // Signing in was itself activity, so the first report can wait a full interval.
    let lastSent = Date.now();
    const onActivity = (): void => {
      const now = Date.now();
      if (now - lastSent < TOUCH_INTERVAL_MS) return;
      lastSent = now;
      call('session:touch', {}).catch(() => undefined);
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
    };
  }, [enabled]);
}

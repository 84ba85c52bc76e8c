import { useEffect, useState } from 'react';

/**
 * Seconds left until `until` (a Date.now() timestamp), ticking once a second; 0 when passed or
 * unset. Used for the sign-in back-off after repeated wrong passwords.
 */
export function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (until === null) return;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      if (t >= until) window.clearInterval(timer);
    };
    // Tick at once (in a callback, not during the effect) so the first second shown is right.
    const first = window.setTimeout(tick, 0);
    const timer = window.setInterval(tick, 1000);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(timer);
    };
  }, [until]);
  if (until === null) return 0;
  return Math.max(0, Math.ceil((until - now) / 1000));
}

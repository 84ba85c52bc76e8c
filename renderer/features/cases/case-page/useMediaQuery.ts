import { useCallback, useSyncExternalStore } from 'react';

/**
 * Whether a CSS media query matches the window now, kept up to date as the window is resized
 * or zoomed. Where there is no window (a server render in a test) it reports `fallback`.
 */
export function useMediaQuery(query: string, fallback: boolean): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => fallback,
  );
}

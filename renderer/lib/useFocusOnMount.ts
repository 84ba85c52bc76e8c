import { useEffect, useRef, type RefObject } from 'react';

/**
 * Move keyboard focus to an element when a screen or area appears, so keyboard and screen
 * reader users start at its heading or first field rather than wherever focus was left.
 * Pass a key that changes whenever focus should move again (e.g. the active area).
 */
export function useFocusOnMount<T extends HTMLElement>(key: unknown = null): RefObject<T | null> {
  const ref = useRef<T | null>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [key]);
  return ref;
}

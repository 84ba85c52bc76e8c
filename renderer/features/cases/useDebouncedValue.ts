import { useEffect, useState } from 'react';

/**
 * The value, once it has stopped changing for `delayMs`. Typing "NC-2025-0012" asks the core
 * once, not twelve times, yet the list still follows the typing closely.
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

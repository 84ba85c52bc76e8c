import { useEffect, useRef } from 'react';

/**
 * Focus a section's heading once the results asked for have arrived, when the control that
 * asked may itself have gone (e.g. "Show older matches" on the last window). Call the returned
 * function when asking; the heading is focused the next time `arrived` changes to non-null.
 */
export function useFocusOnArrival(arrived: unknown, headingId: string): () => void {
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current || arrived === null) return;
    pending.current = false;
    document.getElementById(headingId)?.focus();
  }, [arrived, headingId]);
  return () => {
    pending.current = true;
  };
}

import { useEffect, useRef, useState } from 'react';

/**
 * Move focus once React has committed the next render. After a save, the element to focus
 * (the button that opened a form, the next empty field) often only exists in that render; a
 * requestAnimationFrame can fire before an update made outside an event handler is committed.
 */
export function useFocusLater(): (target: () => HTMLElement | null | undefined) => void {
  const targetRef = useRef<(() => HTMLElement | null | undefined) | null>(null);
  const [requests, setRequests] = useState(0);
  useEffect(() => {
    if (requests === 0) return;
    targetRef.current?.()?.focus();
    targetRef.current = null;
  }, [requests]);
  return (target) => {
    targetRef.current = target;
    setRequests((n) => n + 1);
  };
}

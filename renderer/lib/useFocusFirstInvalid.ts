import { useEffect, useRef, useState, type RefObject } from 'react';

/**
 * After a submit that found errors, move focus to the first invalid field (its error is read
 * out with it through aria-describedby). Call `markFailed()` when validation fails.
 */
export function useFocusFirstInvalid(): { formRef: RefObject<HTMLFormElement | null>; markFailed: () => void } {
  const formRef = useRef<HTMLFormElement | null>(null);
  const [failures, setFailures] = useState(0);
  useEffect(() => {
    if (failures === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [failures]);
  return { formRef, markFailed: () => setFailures((n) => n + 1) };
}

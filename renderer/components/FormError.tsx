import type { ReactNode } from 'react';

/**
 * The form-level message (e.g. "wrong password"). The live region is always in the document so
 * that screen readers announce the message when it appears, not only when it changes.
 */
export function FormError({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div
      id={id}
      role="alert"
      aria-live="assertive"
      className={children ? 'form-error' : 'form-error form-error--empty'}
    >
      {children}
    </div>
  );
}

/** A calm notice (information, not an error), announced politely. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="notice" role="status">
      {children}
    </div>
  );
}

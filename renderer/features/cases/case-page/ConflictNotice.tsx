import { useEffect, useRef } from 'react';

/**
 * Shown when a save was refused because the case changed since it was opened. Focus moves
 * here, and the message is an alert, so keyboard and screen reader users learn it at once.
 */
export function ConflictNotice({ onReload }: { onReload: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="conflict" ref={ref} tabIndex={-1} data-testid="conflict-notice">
      <p role="alert" className="conflict__message">
        Someone else changed this case since you opened it. Your changes were not saved. Reload to see theirs.
      </p>
      <button type="button" className="button" onClick={onReload}>
        Reload the case
      </button>
    </div>
  );
}

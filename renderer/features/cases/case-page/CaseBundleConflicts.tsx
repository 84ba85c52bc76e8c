import { useEffect, useRef } from 'react';
import { useSessionStore } from '../../../stores/session';
import { BundleConflicts } from '../../sharing';
import { refreshFlags } from './case-actions';

/**
 * The case's bundle-import conflicts (keep yours / take theirs), from the Sharing area.
 * Resolving the last conflict clears the conflict flag in the core; BundleConflicts says so in
 * its status message but has no callback, so the flags are fetched again whenever that message
 * changes, keeping the flag banner and list in step with what was just resolved.
 */
export function CaseBundleConflicts({ caseId }: { caseId: string }) {
  const canChange = useSessionStore((s) => s.user?.role !== 'read-only');
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const root = box.current;
    if (!root) return;
    let lastMessage = '';
    const observer = new MutationObserver(() => {
      const message = root.querySelector('[role="status"]')?.textContent ?? '';
      if (message && message !== lastMessage) void refreshFlags().catch(() => undefined);
      lastMessage = message;
    });
    observer.observe(root, { subtree: true, childList: true, characterData: true });
    return () => observer.disconnect();
  }, []);

  return (
    <div ref={box}>
      <BundleConflicts caseId={caseId} canChange={canChange} />
    </div>
  );
}

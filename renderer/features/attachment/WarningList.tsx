import type { DmmWarning } from '../../../preload/contract/dmm';

/** The DMM's warnings, each in its own words. */
export function WarningList({ warnings }: { warnings: readonly DmmWarning[] }) {
  return (
    <ul>
      {warnings.map((w) => (
        <li key={w.key}>{w.message}</li>
      ))}
    </ul>
  );
}

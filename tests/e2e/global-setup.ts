/** Before the e2e run: an empty log folder, so the check afterwards reads this run's logs only. */
import { clearRunLogs } from './log-capture/run-logs';

export default function globalSetup(): void {
  clearRunLogs();
}

/**
 * After the e2e run, with one worker or several: no password, recovery key, passphrase or young
 * person's name that the specs used may appear in any log the run wrote (issue 15). A finding
 * fails the run; the report names the file, line and kind of secret, not the secret.
 */
import { describeFindings, findSecrets } from './log-capture/check-logs';
import { LOG_DIR, readRunLogs } from './log-capture/run-logs';
import { PASSWORD } from './helpers/sign-in';

export default function globalTeardown(): void {
  const { logs, secrets } = readRunLogs();
  // No log at all means the capture broke, not that the run was clean.
  if (!logs.some((l) => l.file.startsWith('worker-')) || !logs.some((l) => l.file.startsWith('browser-'))) {
    throw new Error(`The e2e logs were not captured: no worker or browser log in ${LOG_DIR}.`);
  }
  const findings = findSecrets(logs, [{ kind: 'password', value: PASSWORD }, ...secrets]);
  if (findings.length > 0) {
    throw new Error(`A secret reached the e2e logs (in ${LOG_DIR}):\n${describeFindings(findings)}`);
  }
  console.log(`Secrets not in logs: ${secrets.length + 1} secrets checked against ${logs.length} logs, none found.`);
}

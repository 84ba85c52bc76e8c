/**
 * The machine policy in force (`policy:get`, readable before sign-in), for every screen that
 * must say or obey what the core will enforce: the password forms' minimum, whether case
 * documents and reports may be saved as files (the download buttons give way to a note when not),
 * and the backup settings Settings shows. Not case data and the same for every user of the
 * laptop, so it is not cleared on lock (unlike the resettable stores).
 *
 * Until the answer arrives (it is asked for at start-up, before anyone signs in) the app's own
 * defaults stand. That is safe because the core enforces the policy whatever the screen offers:
 * a shorter password or a forbidden download is refused there. A failed call keeps the defaults
 * for the same reason, and leaves `status` null so Settings can say it could not be read.
 */
import { create } from 'zustand';
import { MIN_PASSWORD_LENGTH } from '../../preload/contract/common';
import { DEFAULT_MACHINE_POLICY, type MachinePolicy, type MachinePolicyStatus } from '../../preload/contract/policy';
import { call, errorMessage } from '../lib/api';

export interface MachinePolicyState {
  /** The policy the screens follow: the core's answer, or the defaults until it comes. */
  policy: MachinePolicy;
  /** The core's whole answer (source, file, problems) once it has come; null before. */
  status: MachinePolicyStatus | null;
  /** Why the policy could not be read, in words; null when it was (or has not been asked). */
  error: string | null;
}

const initialState: MachinePolicyState = { policy: DEFAULT_MACHINE_POLICY, status: null, error: null };

export const useMachinePolicy = create<MachinePolicyState>(() => initialState);

/** Take the core's answer: the policy in force, never a password floor below the app's own. */
export function applyMachinePolicy(status: MachinePolicyStatus): void {
  const policy = {
    ...status.policy,
    minPasswordLength: Math.max(MIN_PASSWORD_LENGTH, status.policy.minPasswordLength),
  };
  useMachinePolicy.setState({ policy, status, error: null });
}

/** Ask the core once for the policy in force (at start-up). A failure keeps the defaults. */
export function loadMachinePolicy(): Promise<void> {
  return call('policy:get', {}).then(applyMachinePolicy, (err: unknown) =>
    useMachinePolicy.setState({ error: errorMessage(err) }),
  );
}

/** The shortest password now allowed, for the forms' hints and checks. */
export function usePasswordMinimum(): number {
  return useMachinePolicy((s) => s.policy.minPasswordLength);
}

/**
 * Whether case documents and reports may be saved as files on this laptop. When not, the
 * screens show `ExportForbiddenNote` instead of a download the core would refuse.
 */
export function useDocumentExportAllowed(): boolean {
  return useMachinePolicy((s) => s.policy.documentExportAllowed);
}

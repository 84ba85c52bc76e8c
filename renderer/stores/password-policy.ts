/**
 * The shortest password the machine policy allows (`policy:get`, readable before sign-in), so
 * every password form's hint and check say the number the core will enforce rather than the
 * app's own 12. Not case data and the same for every user of the laptop, so it is not cleared
 * on lock (unlike the resettable stores). Until the answer arrives the app's minimum stands;
 * the core refuses a shorter password either way.
 */
import { create } from 'zustand';
import { MIN_PASSWORD_LENGTH } from '../../preload/contract/common';
import { call } from '../lib/api';

export const usePasswordPolicy = create<{ minLength: number }>(() => ({ minLength: MIN_PASSWORD_LENGTH }));

/** Ask the core once for the policy in force (at start-up). A failure keeps the app's minimum. */
export function loadPasswordPolicy(): void {
  call('policy:get', {}).then(
    (status) =>
      usePasswordPolicy.setState({ minLength: Math.max(MIN_PASSWORD_LENGTH, status.policy.minPasswordLength) }),
    () => undefined,
  );
}

/** The minimum now in force, for the forms' hints and checks. */
export function usePasswordMinimum(): number {
  return usePasswordPolicy((s) => s.minLength);
}

/**
 * Shown instead of the app when an administrator has reset this user's password: the temporary
 * password is known to the administrator too, so the user chooses their own before anything
 * else. The core refuses every other channel meanwhile (main/core/vault/password-change.ts), so
 * this screen is the way on, not the lock. Locking stays one button away.
 */
import { useEffect, useRef } from 'react';
import type { SessionUser } from '../../../preload/contract';
import { ChangePasswordSection } from '../account/ChangePasswordSection';
import { lockNow, refreshStatus } from '../../lib/session';
import { AuthLayout } from './AuthLayout';

export function ChoosePasswordScreen({ user }: { user: SessionUser }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <AuthLayout title="Choose a new password" headingId="choose-password-heading" headingRef={heading}>
      <p>
        {user.displayName}, an administrator has reset your password. The password they gave you is known to them too,
        so choose your own before you go on.
      </p>
      <ChangePasswordSection
        intro="Nothing else opens until you do. Other users and the recovery key are not affected."
        currentLabel="Password your administrator gave you"
        onChanged={() => void refreshStatus()}
      />
      <p>
        <button type="button" className="button button--secondary" onClick={() => void lockNow()}>
          Lock and sign in later
        </button>
      </p>
    </AuthLayout>
  );
}

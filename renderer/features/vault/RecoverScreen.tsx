import { useState } from 'react';
import { FormError } from '../../components/FormError';
import { NewPasswordFields, checkNewPasswordPair, useNewPassword } from '../../components/NewPasswordFields';
import { TextField } from '../../components/fields';
import { call } from '../../lib/api';
import { showLockedView, signedIn } from '../../lib/session';
import { useCheckedSubmit } from '../../lib/useCheckedSubmit';
import { useFocusOnMount } from '../../lib/useFocusOnMount';
import { checkUsername } from '../../lib/validation';
import { AuthLayout } from './AuthLayout';
import { usePasswordMinimum } from '../../stores/machine-policy';

function checkRecoveryKey(value: string): string | null {
  const hex = value.replace(/[\s\-_:]/g, '');
  if (!hex) return 'Enter the recovery key.';
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) {
    return `A recovery key is 64 characters (0-9 and A-F), written in eight groups of eight. This has ${hex.length}.`;
  }
  return null;
}

/** Set a new password with the recovery key, when a user has forgotten theirs. */
export function RecoverScreen() {
  const [recoveryKey, setRecoveryKey] = useState('');
  const [username, setUsername] = useState('');
  const newPassword = useNewPassword();
  const minimum = usePasswordMinimum();
  const firstField = useFocusOnMount<HTMLInputElement>();
  const { errors, formError, busy, formRef, submit } = useCheckedSubmit(
    () => ({
      recoveryKey: checkRecoveryKey(recoveryKey),
      username: checkUsername(username),
      ...checkNewPasswordPair(newPassword, minimum),
    }),
    async () => {
      const { user } = await call('vault:recover', { recoveryKey, username, newPassword: newPassword.password });
      signedIn(user);
    },
  );

  return (
    <AuthLayout title="Reset a password with the recovery key" headingId="recover-heading">
      <p className="lead">
        Use the recovery key that was written down when the vault was created. It is usually kept in a sealed envelope
        in the service&apos;s safe. Using it is recorded in the audit trail.
      </p>
      <form ref={formRef} noValidate onSubmit={submit}>
        <FormError id="recover-error">{formError}</FormError>
        <TextField
          id="recover-key"
          label="Recovery key"
          hint="64 characters (0-9 and A-F), usually written in eight groups of eight. Spaces, dashes and capital letters do not matter."
          value={recoveryKey}
          onValueChange={setRecoveryKey}
          error={errors.recoveryKey}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputClassName="mono"
          inputRef={firstField}
        />
        <TextField
          id="recover-username"
          label="User name"
          hint="The user whose password you are resetting."
          value={username}
          onValueChange={setUsername}
          error={errors.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
        <NewPasswordFields id="recover-password" label="New password" value={newPassword} errors={errors} />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Checking the key…' : 'Reset password and sign in'}
        </button>
      </form>
      <p className="aside">
        <button type="button" className="link-button" onClick={() => showLockedView('unlock')}>
          Back to sign in
        </button>
      </p>
    </AuthLayout>
  );
}

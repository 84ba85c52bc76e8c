import { useState, type FormEvent } from 'react';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/TextField';
import { call, errorMessage } from '../../lib/api';
import { showLockedView, signedIn } from '../../lib/session';
import { useFocusOnMount } from '../../lib/useFocusOnMount';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { PASSWORD_HINT, checkConfirmation, checkNewPassword, checkUsername, noErrors } from '../../lib/validation';
import { AuthLayout } from './AuthLayout';

type Errors = Record<'recoveryKey' | 'username' | 'password' | 'confirm', string | null>;
const NO_ERRORS: Errors = { recoveryKey: null, username: null, password: null, confirm: null };

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
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const firstField = useFocusOnMount<HTMLInputElement>();
  const { formRef, markFailed } = useFocusFirstInvalid();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {
      recoveryKey: checkRecoveryKey(recoveryKey),
      username: checkUsername(username),
      password: checkNewPassword(password),
      confirm: checkConfirmation(password, confirm),
    };
    setErrors(found);
    setFormError(null);
    if (!noErrors(found)) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      const { user } = await call('vault:recover', { recoveryKey, username, newPassword: password });
      signedIn(user);
    } catch (err) {
      setBusy(false);
      setFormError(errorMessage(err));
    }
  }

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
        <TextField
          id="recover-password"
          label="New password"
          type="password"
          hint={PASSWORD_HINT}
          value={password}
          onValueChange={setPassword}
          error={errors.password}
          autoComplete="new-password"
        />
        <TextField
          id="recover-password-confirm"
          label="Confirm new password"
          type="password"
          value={confirm}
          onValueChange={setConfirm}
          error={errors.confirm}
          autoComplete="new-password"
        />
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

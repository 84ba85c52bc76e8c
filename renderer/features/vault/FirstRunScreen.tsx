import { useState, type FormEvent } from 'react';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/TextField';
import { call, errorMessage } from '../../lib/api';
import { signedIn } from '../../lib/session';
import { useFocusOnMount } from '../../lib/useFocusOnMount';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import {
  PASSWORD_HINT,
  checkConfirmation,
  checkDisplayName,
  checkNewPassword,
  checkUsername,
  noErrors,
} from '../../lib/validation';
import { AuthLayout } from './AuthLayout';

type Errors = Record<'displayName' | 'username' | 'password' | 'confirm', string | null>;
const NO_ERRORS: Errors = { displayName: null, username: null, password: null, confirm: null };

/** First run: no vault in this folder yet. Creates it and its first administrator. */
export function FirstRunScreen() {
  const [displayName, setDisplayName] = useState('');
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
      displayName: checkDisplayName(displayName),
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
      const { user, recoveryKey } = await call('vault:create', { displayName, username, password });
      signedIn(user, recoveryKey);
    } catch (err) {
      setFormError(errorMessage(err));
      setBusy(false);
    }
  }

  return (
    <AuthLayout title="Set up NCATS Casework" headingId="first-run-heading">
      <p className="lead">
        There is no vault on this computer yet. A vault is the encrypted store that holds all case records. Create it
        now; you will be its first administrator.
      </p>
      <form ref={formRef} noValidate onSubmit={submit}>
        <FormError id="first-run-error">{formError}</FormError>
        <TextField
          id="display-name"
          label="Your full name"
          hint="As colleagues will see it, e.g. Sam Patel."
          value={displayName}
          onValueChange={setDisplayName}
          error={errors.displayName}
          autoComplete="name"
          inputRef={firstField}
        />
        <TextField
          id="username"
          label="User name"
          hint="What you will type to sign in, e.g. spatel. Lower-case letters, digits, dots or dashes."
          value={username}
          onValueChange={setUsername}
          error={errors.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
        />
        <TextField
          id="password"
          label="Password"
          type="password"
          hint={PASSWORD_HINT}
          value={password}
          onValueChange={setPassword}
          error={errors.password}
          autoComplete="new-password"
        />
        <TextField
          id="password-confirm"
          label="Confirm password"
          type="password"
          value={confirm}
          onValueChange={setConfirm}
          error={errors.confirm}
          autoComplete="new-password"
        />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Creating the vault…' : 'Create vault'}
        </button>
        {busy && (
          <p className="field__hint" role="status">
            Creating the vault. This takes a few seconds while your password is protected.
          </p>
        )}
      </form>
    </AuthLayout>
  );
}

import { useState } from 'react';
import { FormError } from '../../components/FormError';
import { NewPasswordFields, checkNewPasswordPair, useNewPassword } from '../../components/NewPasswordFields';
import { TextField } from '../../components/fields';
import { call } from '../../lib/api';
import { signedIn } from '../../lib/session';
import { useCheckedSubmit } from '../../lib/useCheckedSubmit';
import { useFocusOnMount } from '../../lib/useFocusOnMount';
import { checkDisplayName, checkUsername } from '../../lib/validation';
import { AuthLayout } from './AuthLayout';
import { usePasswordMinimum } from '../../stores/machine-policy';

/** First run: no vault in this folder yet. Creates it and its first administrator. */
export function FirstRunScreen() {
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const newPassword = useNewPassword();
  const minimum = usePasswordMinimum();
  const firstField = useFocusOnMount<HTMLInputElement>();
  const { errors, formError, busy, formRef, submit } = useCheckedSubmit(
    () => ({
      displayName: checkDisplayName(displayName),
      username: checkUsername(username),
      ...checkNewPasswordPair(newPassword, minimum),
    }),
    async () => {
      const { password } = newPassword;
      const { user, recoveryKey } = await call('vault:create', { displayName, username, password });
      signedIn(user, recoveryKey);
    },
  );

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
        <NewPasswordFields id="password" label="Password" value={newPassword} errors={errors} />
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

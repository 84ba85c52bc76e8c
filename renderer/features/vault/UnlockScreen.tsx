import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../preload/contract';
import { FormError, Notice } from '../../components/FormError';
import { TextField } from '../../components/fields';
import { ApiError, call, errorMessage } from '../../lib/api';
import { lockReasonMessage } from '../../lib/roles';
import { showLockedView, signedIn } from '../../lib/session';
import { useCountdown } from '../../lib/useCountdown';
import { useFocusOnMount } from '../../lib/useFocusOnMount';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { AuthLayout } from './AuthLayout';
import styles from './UnlockScreen.module.css';

const RATE_LIMITED_MESSAGE =
  'Too many wrong attempts. For your security, signing in is paused for a short time. Each further wrong attempt makes the pause longer.';

/** Sign in to a locked vault. Says why the last session ended, and handles the back-off. */
export function UnlockScreen({ status }: { status: VaultStatus }) {
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username: string | null; password: string | null }>({
    username: null,
    password: null,
  });
  const [formError, setFormError] = useState<string | null>(null);
  const [retryAt, setRetryAt] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const secondsLeft = useCountdown(retryAt);
  const firstField = useFocusOnMount<HTMLInputElement>();
  const { formRef, markFailed } = useFocusFirstInvalid();
  const reason = lockReasonMessage(status.lastLockReason, status.idleLockMinutes);
  const waiting = secondsLeft > 0;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || waiting) return;
    const found = {
      username: username.trim() ? null : 'Enter your user name.',
      password: password ? null : 'Enter your password.',
    };
    setErrors(found);
    setFormError(null);
    if (found.username || found.password) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      const { user } = await call('vault:unlock', { username, password });
      signedIn(user);
    } catch (err) {
      setBusy(false);
      setPassword('');
      if (err instanceof ApiError && err.code === 'RATE_LIMITED' && err.retryAfterMs) {
        setRetryAt(Date.now() + err.retryAfterMs);
        setFormError(RATE_LIMITED_MESSAGE);
      } else if (err instanceof ApiError && err.code === 'WRONG_PASSWORD') {
        setFormError('The user name or password is not right. Check them and try again.');
      } else {
        setFormError(errorMessage(err));
      }
      document.getElementById('unlock-password')?.focus();
    }
  }

  return (
    <AuthLayout title="Sign in" headingId="unlock-heading">
      {reason && <Notice>{reason}</Notice>}
      <p className="lead">The vault is locked. Sign in with your user name and password.</p>
      <form ref={formRef} noValidate onSubmit={submit}>
        <FormError id="unlock-error">{formError}</FormError>
        <TextField
          id="unlock-username"
          label="User name"
          value={username}
          onValueChange={setUsername}
          error={errors.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          inputRef={firstField}
        />
        <TextField
          id="unlock-password"
          label="Password"
          type="password"
          value={password}
          onValueChange={setPassword}
          error={errors.password}
          autoComplete="current-password"
        />
        <button type="submit" className="button" aria-disabled={busy || waiting || undefined}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
        {retryAt !== null && (
          // Not a live region: announcing every second would drown out everything else.
          <p className={`${styles.countdown} field__hint`} data-testid="retry-countdown">
            {waiting
              ? `You can try again in ${secondsLeft} ${secondsLeft === 1 ? 'second' : 'seconds'}.`
              : 'You can try again now.'}
          </p>
        )}
      </form>
      <p className="aside">
        <button type="button" className="link-button" onClick={() => showLockedView('recover')}>
          Forgotten password? Use the recovery key
        </button>
      </p>
    </AuthLayout>
  );
}

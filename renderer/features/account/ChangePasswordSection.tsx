/**
 * Settings > Your password: change your own password. The current one must be right (the core
 * checks it against your key slot; a wrong one changes nothing), the new one is typed twice and
 * its minimum length is said before anything is typed. Success is announced and focused.
 */
import { useRef, useState, type FormEvent } from 'react';
import { FormError } from '../../components/FormError';
import { NewPasswordFields, checkNewPasswordPair, useNewPassword } from '../../components/NewPasswordFields';
import { TextField } from '../../components/fields';
import { call, errorMessage } from '../../lib/api';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { noErrors } from '../../lib/validation';
import styles from './ChangePasswordSection.module.css';
import { usePasswordMinimum } from '../../stores/machine-policy';

type Errors = { current: string | null; password: string | null; confirm: string | null };
const NO_ERRORS: Errors = { current: null, password: null, confirm: null };

export function ChangePasswordSection({
  intro = 'Use it the next time you sign in. Other users and the recovery key are not affected.',
  currentLabel = 'Current password',
  onChanged,
}: {
  intro?: string;
  currentLabel?: string;
  /** Called once the core has taken the new password (the forced change goes on to the app). */
  onChanged?: () => void;
} = {}) {
  const [current, setCurrent] = useState('');
  const newPassword = useNewPassword();
  const minimum = usePasswordMinimum();
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const [changed, setChanged] = useState(false);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();
  const done = useRef<HTMLParagraphElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {
      current: current ? null : 'Enter your current password.',
      ...checkNewPasswordPair(newPassword, minimum),
    };
    setErrors(found);
    setFormError(null);
    setChanged(false);
    if (!noErrors(found)) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      await call('user:changePassword', { currentPassword: current, newPassword: newPassword.password });
      setCurrent('');
      newPassword.setPassword('');
      newPassword.setConfirm('');
      setChanged(true);
      if (onChanged) {
        onChanged();
        return;
      }
      // After the fields empty, the confirmation takes the focus so it is read out and seen.
      requestAnimationFrame(() => done.current?.focus());
    } catch (err) {
      setFormError(errorMessage(err));
      document.getElementById('current-password')?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form ref={formRef} noValidate onSubmit={submit} className="form-narrow">
      <p>{intro}</p>
      <FormError id="change-password-error">{formError}</FormError>
      <p
        ref={done}
        tabIndex={-1}
        role="status"
        className={changed ? `result result--ok ${styles.done}` : 'visually-hidden'}
      >
        {changed ? 'Your password has been changed. Use the new one next time you sign in.' : ''}
      </p>
      <TextField
        id="current-password"
        label={currentLabel}
        type="password"
        value={current}
        onValueChange={setCurrent}
        error={errors.current}
        autoComplete="current-password"
      />
      <NewPasswordFields id="change-new-password" label="New password" value={newPassword} errors={errors} />
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? 'Changing your password…' : 'Change password'}
      </button>
    </form>
  );
}

/** Settings > Your password: the form with its everyday words. */
export function YourPasswordSection() {
  return <ChangePasswordSection />;
}

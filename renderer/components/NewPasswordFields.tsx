import { useState } from 'react';
import { checkConfirmation, checkNewPassword, passwordHint } from '../lib/validation';
import { usePasswordMinimum } from '../stores/machine-policy';
import { TextField } from './fields';

/** A new password typed twice, and its two setters. */
export interface NewPassword {
  password: string;
  confirm: string;
  setPassword: (value: string) => void;
  setConfirm: (value: string) => void;
}

/** The state of a new password and its confirmation. */
export function useNewPassword(): NewPassword {
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  return { password, confirm, setPassword, setConfirm };
}

/** The two fields' errors: the password's own rules, then whether the second copy matches. */
export function checkNewPasswordPair(
  value: Pick<NewPassword, 'password' | 'confirm'>,
  minimum?: number,
): {
  password: string | null;
  confirm: string | null;
} {
  return {
    password: checkNewPassword(value.password, minimum),
    confirm: checkConfirmation(value.password, value.confirm),
  };
}

/**
 * A new password and its confirmation, for first run and for a reset with the recovery key:
 * the password's rules as its hint, and `new-password` so a password manager offers to save it.
 */
export function NewPasswordFields({
  id,
  label,
  value,
  errors,
}: {
  /** The password input's id; the confirmation's is `${id}-confirm`. */
  id: string;
  /** "Password" or "New password"; the second field says "Confirm" before it, in lower case. */
  label: string;
  value: NewPassword;
  errors: { password?: string | null; confirm?: string | null };
}) {
  const minimum = usePasswordMinimum();
  return (
    <>
      <TextField
        id={id}
        label={label}
        type="password"
        hint={passwordHint(minimum)}
        value={value.password}
        onValueChange={value.setPassword}
        error={errors.password}
        autoComplete="new-password"
      />
      <TextField
        id={`${id}-confirm`}
        label={`Confirm ${label.toLowerCase()}`}
        type="password"
        value={value.confirm}
        onValueChange={value.setConfirm}
        error={errors.confirm}
        autoComplete="new-password"
      />
    </>
  );
}

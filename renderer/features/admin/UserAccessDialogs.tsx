/**
 * The two dialogs an administrator uses on another user's access: a temporary password (a new
 * key slot; the old password stops working) and removal (no more sign-in; their name stays on
 * what they wrote). A refusal from the core is shown in the dialog, which stays open.
 */
import { useState } from 'react';
import type { UserSummary } from '../../../preload/contract';
import { FormError } from '../../components/FormError';
import { TextField } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { checkNewPassword, passwordHint } from '../../lib/validation';
import { usePasswordMinimum } from '../../stores/machine-policy';
import { ConfirmDialog } from '../cases/case-page/ConfirmDialog';
import { removeUser, resetUserPassword } from './admin-actions';

interface DialogProps {
  /** The user acted on; the dialog is open while this is set. */
  user: UserSummary | null;
  /** Done: the message to announce. */
  onDone: (message: string) => void;
  onCancel: () => void;
}

export function ResetPasswordDialog({ user, onDone, onCancel }: DialogProps) {
  const [password, setPassword] = useState('');
  const minimum = usePasswordMinimum();
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function reset() {
    setPassword('');
    setFieldError(null);
    setFailure(null);
  }

  async function confirm() {
    if (!user || busy) return;
    const problem = checkNewPassword(password, minimum);
    if (problem) {
      setFieldError(problem);
      document.getElementById('reset-password')?.focus();
      return;
    }
    setBusy(true);
    try {
      await resetUserPassword(user.id, password);
      reset();
      onDone(
        `${user.displayName}’s password has been reset. Give them the temporary password in person: when they sign in with it, they choose their own before anything else opens.`,
      );
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      open={user !== null}
      title={user ? `Reset ${user.displayName}’s password` : 'Reset password'}
      confirmLabel={busy ? 'Resetting…' : 'Reset password'}
      onConfirm={() => void confirm()}
      onCancel={() => {
        reset();
        onCancel();
      }}
    >
      <p>
        Their current password will stop working at once. You never see it: type a temporary password for them instead,
        and give it to them in person. When they sign in with it, they must choose their own before anything else opens.
      </p>
      <FormError id="reset-password-error">{failure}</FormError>
      <TextField
        id="reset-password"
        label="Temporary password"
        type="password"
        hint={passwordHint(minimum)}
        value={password}
        onValueChange={(v) => {
          setPassword(v);
          setFieldError(null);
        }}
        error={fieldError}
        autoComplete="new-password"
      />
    </ConfirmDialog>
  );
}

export function RemoveUserDialog({ user, onDone, onCancel }: DialogProps) {
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function confirm() {
    if (!user || busy) return;
    setBusy(true);
    try {
      await removeUser(user.id);
      setFailure(null);
      onDone(`${user.displayName} has been removed and can no longer sign in. Their name stays on what they wrote.`);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <ConfirmDialog
      open={user !== null}
      title={user ? `Remove ${user.displayName}?` : 'Remove user'}
      confirmLabel={busy ? 'Removing…' : 'Remove user'}
      warning
      onConfirm={() => void confirm()}
      onCancel={() => {
        setFailure(null);
        onCancel();
      }}
    >
      <p>
        {user?.displayName ?? 'They'} will no longer be able to sign in: their key to the vault is destroyed. Everything
        they recorded stays, under their name. This cannot be undone; to let them back in, add them again as a new user.
      </p>
      <FormError id="remove-user-error">{failure}</FormError>
    </ConfirmDialog>
  );
}

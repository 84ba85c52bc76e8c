import { useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../../preload/contract/common';
import { FormError } from '../../components/FormError';
import { SelectField, TextField } from '../../components/fields';
import { errorMessage } from '../../lib/api';
import { ROLE_LABELS } from '../../lib/roles';
import { useFocusFirstInvalid } from '../../lib/useFocusFirstInvalid';
import { checkDisplayName, checkNewPassword, checkUsername, noErrors, passwordHint } from '../../lib/validation';
import { usePasswordMinimum } from '../../stores/machine-policy';
import { addUser } from './admin-actions';

type Errors = Record<'displayName' | 'username' | 'password', string | null>;
const NO_ERRORS: Errors = { displayName: null, username: null, password: null };

const ROLE_HELP: Record<Role, string> = {
  administrator: 'manages users and checks the audit trail, and can do everything a clinician can',
  clinician: 'records and changes case information',
  'read-only': 'can look at records but not change them',
};

/** Add a user with an initial password, which they should change when they first sign in. */
export function AddUserForm() {
  const [displayName, setDisplayName] = useState('');
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('clinician');
  const [password, setPassword] = useState('');
  const minimum = usePasswordMinimum();
  const [errors, setErrors] = useState<Errors>(NO_ERRORS);
  const [formError, setFormError] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { formRef, markFailed } = useFocusFirstInvalid();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {
      displayName: checkDisplayName(displayName),
      username: checkUsername(username),
      password: checkNewPassword(password, minimum),
    };
    setErrors(found);
    setFormError(null);
    setAdded(null);
    if (!noErrors(found)) {
      markFailed();
      return;
    }
    setBusy(true);
    try {
      const user = await addUser({ displayName, username, role, password });
      setAdded(`${user.displayName} was added as ${ROLE_LABELS[user.role].toLowerCase()}, user name ${user.username}.`);
      setDisplayName('');
      setUsername('');
      setPassword('');
      setRole('clinician');
    } catch (err) {
      setFormError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section">
      <h2 id="add-user-heading">Add a user</h2>
      <form ref={formRef} noValidate onSubmit={submit} className="form-narrow">
        <FormError id="add-user-error">{formError}</FormError>
        <div role="status" className={added ? 'result result--ok' : 'visually-hidden'}>
          {added}
        </div>
        <TextField
          id="new-display-name"
          label="Full name"
          value={displayName}
          onValueChange={setDisplayName}
          error={errors.displayName}
          autoComplete="off"
        />
        <TextField
          id="new-username"
          label="User name"
          hint="Lower-case letters, digits, dots or dashes, e.g. jsmith."
          value={username}
          onValueChange={setUsername}
          error={errors.username}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
        />
        <SelectField
          id="new-role"
          label="Role"
          hint={`${ROLE_LABELS[role]}: ${ROLE_HELP[role]}.`}
          value={role}
          onValueChange={setRole}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        />
        <TextField
          id="new-password"
          label="Initial password"
          type="password"
          hint={`${passwordHint(minimum)} Give it to the user in person.`}
          value={password}
          onValueChange={setPassword}
          error={errors.password}
          autoComplete="new-password"
        />
        <button type="submit" className="button" aria-disabled={busy || undefined}>
          {busy ? 'Adding the user…' : 'Add user'}
        </button>
      </form>
    </section>
  );
}

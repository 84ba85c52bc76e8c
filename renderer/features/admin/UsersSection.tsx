/**
 * The Users section of Administration: the table, and the reset and remove dialogs it opens.
 * After either, the outcome is announced in a status line that takes the focus (the button that
 * opened the dialog may be gone: a removed user has no actions).
 */
import { useEffect, useRef, useState } from 'react';
import type { SessionUser, UserSummary } from '../../../preload/contract';
import { useAdminStore } from '../../stores/admin';
import { RemoveUserDialog, ResetPasswordDialog } from './UserAccessDialogs';
import { UsersTable } from './UsersTable';

export function UsersSection({ currentUser }: { currentUser: SessionUser }) {
  const users = useAdminStore((s) => s.users);
  const usersError = useAdminStore((s) => s.usersError);
  const [resetting, setResetting] = useState<UserSummary | null>(null);
  const [removing, setRemoving] = useState<UserSummary | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const status = useRef<HTMLParagraphElement>(null);

  // After the dialog has closed (its effect runs first and gives the focus back to its opener).
  useEffect(() => {
    if (done) status.current?.focus();
  }, [done]);

  function finished(message: string) {
    setResetting(null);
    setRemoving(null);
    setDone(message);
  }

  return (
    <section aria-labelledby="users-heading" className="section">
      <h2 id="users-heading">Users</h2>
      <p ref={status} tabIndex={-1} role="status" className={done ? 'result result--ok' : 'visually-hidden'}>
        {done}
      </p>
      {usersError && <p className="form-error">{usersError}</p>}
      {!users && !usersError && <p>Loading users…</p>}
      {users && (
        <UsersTable
          users={users}
          currentUserId={currentUser.id}
          onResetPassword={(u) => {
            setDone(null);
            setResetting(u);
          }}
          onRemove={(u) => {
            setDone(null);
            setRemoving(u);
          }}
        />
      )}
      <ResetPasswordDialog user={resetting} onDone={finished} onCancel={() => setResetting(null)} />
      <RemoveUserDialog user={removing} onDone={finished} onCancel={() => setRemoving(null)} />
    </section>
  );
}

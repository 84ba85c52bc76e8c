import { useEffect } from 'react';
import type { SessionUser } from '../../../preload/contract';
import { useAdminStore } from '../../stores/admin';
import { AddUserForm } from './AddUserForm';
import { AuditCheck } from './AuditCheck';
import { loadUsers } from './admin-actions';
import { PaperworkChecklist } from './PaperworkChecklist';
import { UsersTable } from './UsersTable';
import { InstrumentCatalogue } from '../psychometrics/InstrumentCatalogue';
import { BackupStatusSection } from '../backup/BackupStatusSection';

/** Administrators only: the users of the vault, adding users, and the audit trail check. */
export function AdministrationArea({ currentUser }: { currentUser: SessionUser }) {
  const users = useAdminStore((s) => s.users);
  const usersError = useAdminStore((s) => s.usersError);

  useEffect(() => {
    void loadUsers();
  }, []);

  return (
    <>
      <p className="lead">Users and roles, the assessment paperwork checklist, and checks of the audit trail.</p>
      <section aria-labelledby="users-heading" className="section">
        <h2 id="users-heading">Users</h2>
        {usersError && <p className="form-error">{usersError}</p>}
        {!users && !usersError && <p>Loading users…</p>}
        {users && <UsersTable users={users} currentUserId={currentUser.id} />}
      </section>
      <AddUserForm />
      <PaperworkChecklist />
      <InstrumentCatalogue />
      <AuditCheck />
      <BackupStatusSection />
    </>
  );
}

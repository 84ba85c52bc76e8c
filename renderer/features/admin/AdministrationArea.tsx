import { useEffect } from 'react';
import type { SessionUser } from '../../../preload/contract';
import { AddUserForm } from './AddUserForm';
import { AuditCheck } from './AuditCheck';
import { loadUsers } from './admin-actions';
import { PaperworkChecklist } from './PaperworkChecklist';
import { RecoveryKeyRotation } from './RecoveryKeyRotation';
import { UsersSection } from './UsersSection';
import { InstrumentCatalogue } from '../psychometrics/InstrumentCatalogue';
import { BackupStatusSection } from '../backup/BackupStatusSection';

/** Administrators only: the users of the vault, adding users, the recovery key, and the audit trail check. */
export function AdministrationArea({ currentUser }: { currentUser: SessionUser }) {
  useEffect(() => {
    void loadUsers();
  }, []);

  return (
    <>
      <p className="lead">
        Users and roles, the recovery key, the assessment paperwork checklist, and checks of the audit trail.
      </p>
      <UsersSection currentUser={currentUser} />
      <AddUserForm />
      <RecoveryKeyRotation />
      <PaperworkChecklist />
      <InstrumentCatalogue />
      <AuditCheck />
      <BackupStatusSection />
    </>
  );
}

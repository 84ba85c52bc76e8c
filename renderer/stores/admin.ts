import type { AuditVerification, UserSummary } from '../../preload/contract';
import { createResettableStore } from './reset';

export interface AdminState {
  users: UserSummary[] | null;
  usersError: string | null;
  audit: AuditVerification | null;
  auditCheckedAt: string | null;
}

export const useAdminStore = createResettableStore<AdminState>({
  users: null,
  usersError: null,
  audit: null,
  auditCheckedAt: null,
});

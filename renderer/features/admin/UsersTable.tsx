import type { UserSummary } from '../../../preload/contract';
import { formatDate } from '../../lib/dates';
import { ROLE_LABELS } from '../../lib/roles';

/** The vault's users. Dates are dd/mm/yyyy. */
export function UsersTable({ users, currentUserId }: { users: UserSummary[]; currentUserId: string }) {
  return (
    <table className="table">
      <caption className="visually-hidden">Users of this vault</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">User name</th>
          <th scope="col">Role</th>
          <th scope="col">Created</th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id}>
            <th scope="row">
              {u.displayName}
              {u.id === currentUserId && <span className="tag">You</span>}
              {u.disabled && <span className="tag tag--grey">Disabled</span>}
            </th>
            <td>{u.username}</td>
            <td>{ROLE_LABELS[u.role]}</td>
            <td>{formatDate(u.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

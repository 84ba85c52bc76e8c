import type { UserSummary } from '../../../preload/contract';
import { formatDate } from '../../lib/dates';
import { ROLE_LABELS } from '../../lib/roles';

/**
 * The vault's users. Dates are dd/mm/yyyy. Each other user who can sign in has the
 * administrator's two actions on their access; yourself and removed users have none.
 */
export function UsersTable({
  users,
  currentUserId,
  onResetPassword,
  onRemove,
}: {
  users: UserSummary[];
  currentUserId: string;
  onResetPassword?: (user: UserSummary) => void;
  onRemove?: (user: UserSummary) => void;
}) {
  const withActions = Boolean(onResetPassword || onRemove);
  return (
    <table className="table">
      <caption className="visually-hidden">Users of this vault</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">User name</th>
          <th scope="col">Role</th>
          <th scope="col">Created</th>
          {withActions && <th scope="col">Access</th>}
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
            {withActions && (
              <td>
                {u.id !== currentUserId && !u.disabled && (
                  <div className="button-row">
                    {onResetPassword && (
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-label={`Reset password: ${u.displayName}`}
                        onClick={() => onResetPassword(u)}
                      >
                        Reset password
                      </button>
                    )}
                    {onRemove && (
                      <button
                        type="button"
                        className="button button--secondary"
                        aria-label={`Remove ${u.displayName}`}
                        onClick={() => onRemove(u)}
                      >
                        Remove
                      </button>
                    )}
                  </div>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

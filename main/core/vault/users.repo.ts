import type { Db } from '../db/connection';
import type { Role, UserSummary } from '../../../preload/contract';

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  created_at: string;
  disabled: number;
}

function toSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    createdAt: row.created_at,
    disabled: row.disabled === 1,
  };
}

export function insertUser(db: Db, user: Omit<UserSummary, 'disabled'>): void {
  db.prepare(`INSERT INTO users (id, username, display_name, role, created_at) VALUES (?, ?, ?, ?, ?)`).run(
    user.id,
    user.username,
    user.displayName,
    user.role,
    user.createdAt,
  );
}

export function findUserById(db: Db, id: string): UserSummary | null {
  const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row ? toSummary(row) : null;
}

export function findUserByUsername(db: Db, username: string): UserSummary | null {
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  return row ? toSummary(row) : null;
}

export function listUsers(db: Db): UserSummary[] {
  return (db.prepare('SELECT * FROM users ORDER BY display_name COLLATE NOCASE').all() as UserRow[]).map(toSummary);
}

import type { Db } from '../db/connection';
import type { UserSummary } from '../../../preload/contract';
import { toUserSummary, userRecord, type UserRow } from './users.record';

const SELECT = `SELECT ${userRecord.select()} FROM users`;
/** A new user is enabled (the DDL's default). */
const INSERT = userRecord.insertSql(userRecord.except(['disabled']));

export function insertUser(db: Db, user: Omit<UserSummary, 'disabled'>): void {
  db.prepare(INSERT).run(userRecord.toRow(user));
}

export function findUserById(db: Db, id: string): UserSummary | null {
  const row = db.prepare(`${SELECT} WHERE id = ?`).get(id) as UserRow | undefined;
  return row ? toUserSummary(row) : null;
}

export function findUserByUsername(db: Db, username: string): UserSummary | null {
  const row = db.prepare(`${SELECT} WHERE username = ?`).get(username) as UserRow | undefined;
  return row ? toUserSummary(row) : null;
}

export function listUsers(db: Db): UserSummary[] {
  return (db.prepare(`${SELECT} ORDER BY display_name COLLATE NOCASE`).all() as UserRow[]).map(toUserSummary);
}

/**
 * Sessions: a login makes a random 256-bit token, handed to the browser in an HttpOnly cookie and to
 * scripts in the response body (for `Authorization: Bearer`). Only its SHA-256 is stored, so a copy of
 * the database holds no usable token.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../database/database';
import type { User } from './users';

export const SESSION_COOKIE = 'planner_session';
export const SESSION_HOURS = 12;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  database: Queryable,
  userId: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
  await database.query('INSERT INTO sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [
    hashToken(token),
    userId,
    expiresAt.toISOString(),
  ]);
  return { token, expiresAt };
}

/** The user a token belongs to, while its session lasts. */
export async function userOfToken(database: Queryable, token: string): Promise<User | undefined> {
  const [row] = await database.query<User & { expires_at: Date | string }>(
    `SELECT u.id, u.name, u.role, u.district, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.expires_at > now()`,
    [hashToken(token)],
  );
  if (!row) return undefined;
  const { expires_at: _expires, ...user } = row;
  return user;
}

/**
 * Sessions this process has looked up lately, so a planner's stream of writes does not read the
 * sessions table on every request. An entry lives `ttlMs` at most: a session ended by another server
 * process (sharing one PostgreSQL) stops working here within that time; one ended here stops at once.
 */
export class SessionCache {
  private readonly entries = new Map<string, { user: User; until: number }>();

  constructor(private readonly ttlMs = 30_000) {}

  async user(database: Queryable, token: string): Promise<User | undefined> {
    const entry = this.entries.get(token);
    if (entry && entry.until > Date.now()) return entry.user;
    this.entries.delete(token);
    const user = await userOfToken(database, token);
    if (user) {
      if (this.entries.size >= 10_000) this.entries.clear();
      this.entries.set(token, { user, until: Date.now() + this.ttlMs });
    }
    return user;
  }

  forget(token: string): void {
    this.entries.delete(token);
  }
}

export async function endSession(database: Queryable, token: string): Promise<void> {
  await database.query('DELETE FROM sessions WHERE token_hash = $1', [hashToken(token)]);
}

/** Drops expired sessions (run now and then; they are refused anyway). */
export async function pruneSessions(database: Queryable): Promise<void> {
  await database.query('DELETE FROM sessions WHERE expires_at <= now()');
}

/**
 * Team members and their roles. `city` edits every scenario and merges district plans; `district`
 * (with its adcode) edits only sites lying in its district; `viewer` reads. Users are added from the
 * command line (`npm run --silent cli -- user add …`), never through the HTTP API.
 */
import type { Queryable } from '../database/database';
import { hashPassword } from './passwords';

export const ROLES = ['city', 'district', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface User {
  id: number;
  name: string;
  role: Role;
  /** The district adcode of a `district` user; null for the other roles. */
  district: string | null;
}

export interface NewUser {
  name: string;
  password: string;
  role: Role;
  district?: string | undefined;
}

export const MIN_PASSWORD_LENGTH = 10;
const MAX_NAME_LENGTH = 64;

/** A user the rules refuse, with the reason in English (the CLI prints it). */
export class UserError extends Error {}

/** Checks a new user against the rules; `knownDistricts` are the adcodes of data/geo/districts.geojson. */
export function checkNewUser(user: NewUser, knownDistricts: ReadonlySet<string>): void {
  const name = user.name.trim();
  if (name === '' || name.length > MAX_NAME_LENGTH || /[\p{Cc}]/u.test(name) || name !== user.name) {
    throw new UserError(
      `the name must be 1–${MAX_NAME_LENGTH} characters, without control characters or edge spaces`,
    );
  }
  if ([...user.password].length < MIN_PASSWORD_LENGTH) {
    throw new UserError(`the password must have at least ${MIN_PASSWORD_LENGTH} characters`);
  }
  if (!ROLES.includes(user.role)) throw new UserError(`the role must be one of ${ROLES.join('|')}`);
  if (user.role === 'district') {
    if (!user.district) throw new UserError('a district user needs --district ADCODE');
    if (!knownDistricts.has(user.district)) {
      throw new UserError(
        `unknown district ${user.district} (known: ${[...knownDistricts].sort().join(', ')})`,
      );
    }
  } else if (user.district !== undefined) {
    throw new UserError(`--district applies to the district role only, not ${user.role}`);
  }
}

/** Adds a user (hashing the password); refuses a name already taken. */
export async function addUser(database: Queryable, user: NewUser, knownDistricts: ReadonlySet<string>) {
  checkNewUser(user, knownDistricts);
  const existing = await database.query('SELECT 1 FROM users WHERE name = $1', [user.name]);
  if (existing.length > 0) throw new UserError(`a user named "${user.name}" already exists`);
  const passwordHash = await hashPassword(user.password);
  const [row] = await database.query<{ id: number }>(
    'INSERT INTO users (name, password_hash, role, district) VALUES ($1, $2, $3, $4) RETURNING id',
    [user.name, passwordHash, user.role, user.role === 'district' ? user.district : null],
  );
  await database.query(
    'INSERT INTO audit_log (actor, action, target, detail) VALUES ($1, $2, $3, $4::jsonb)',
    ['cli', 'user.add', user.name, JSON.stringify({ role: user.role, district: user.district ?? null })],
  );
  return { id: row!.id, name: user.name, role: user.role, district: user.district ?? null } satisfies User;
}

/** The user with this name and their stored password hash, for a login. */
export async function findUserForLogin(database: Queryable, name: string) {
  const [row] = await database.query<User & { password_hash: string }>(
    'SELECT id, name, role, district, password_hash FROM users WHERE name = $1',
    [name],
  );
  if (!row) return undefined;
  const { password_hash: passwordHash, ...user } = row;
  return { user: user as User, passwordHash };
}

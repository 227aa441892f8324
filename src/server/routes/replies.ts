/**
 * What every route answers the same way: errors as `{ error, message, … }` with a stable code the app
 * translates, revisions in ETag / If-Match, and the store's refusals turned into HTTP statuses.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { User } from '../auth/users';
import { ScenarioNotFoundError, StaleRevisionError, WriteRefusedError } from '../scenarios/scenario-store';

export function replyError(
  reply: FastifyReply,
  status: number,
  error: string,
  message: string,
  extra: Record<string, unknown> = {},
) {
  return reply.code(status).send({ error, message, ...extra });
}

/** The revision an `If-Match` header names (`"12"`, `W/"12"` or `12`), or undefined. */
export function parseRevisionHeader(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  const match = text?.trim().match(/^(?:W\/)?"?(\d{1,9})"?$/);
  return match ? Number(match[1]) : undefined;
}

export const etagOf = (revision: number) => `"${revision}"`;

/** The signed-in user (the onRequest hook has refused anyone else). */
export function userOf(request: FastifyRequest): User {
  if (!request.user) throw new Error('route reached without a user');
  return request.user;
}

/** Answers the store's refusals; rethrows anything else. */
export function replyStoreError(reply: FastifyReply, error: unknown) {
  if (error instanceof StaleRevisionError) {
    return reply
      .code(409)
      .header('ETag', etagOf(error.currentRevision))
      .send({ error: 'staleRevision', message: error.message, revision: error.currentRevision });
  }
  if (error instanceof ScenarioNotFoundError) return replyError(reply, 404, 'notFound', error.message);
  if (error instanceof WriteRefusedError) {
    return replyError(reply, 403, 'forbidden', error.message, {
      reason: error.reason,
      siteIds: error.siteIds,
    });
  }
  throw error;
}

/** 403 unless the user may write at all (city or district). */
export function refuseReaders(reply: FastifyReply, user: User): boolean {
  if (user.role === 'viewer') {
    replyError(reply, 403, 'forbidden', 'viewers read only', { reason: 'readOnlyRole', siteIds: [] });
    return true;
  }
  return false;
}

/**
 * Signing in and out. A login answers the token in the body (scripts send it as a bearer token) and
 * sets it as an HttpOnly, SameSite=Strict cookie (browsers; page scripts never see it). Failed logins
 * are throttled per name and per address before any password is checked.
 */
import type { FastifyInstance } from 'fastify';
import type { ServerContext } from '../app';
import { tokenOf } from '../app';
import { recordAudit } from '../audit';
import { hashForUnknownUser, verifyPassword } from '../auth/passwords';
import { createSession, endSession, SESSION_COOKIE } from '../auth/sessions';
import { findUserForLogin } from '../auth/users';
import { replyError, userOf } from './replies';

const LOGIN_BODY = {
  type: 'object',
  required: ['name', 'password'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 64 },
    password: { type: 'string', minLength: 1, maxLength: 1024 },
  },
} as const;

export function registerAuthRoutes(app: FastifyInstance, context: ServerContext): void {
  app.post<{ Body: { name: string; password: string } }>(
    '/api/login',
    { schema: { body: LOGIN_BODY } },
    async (request, reply) => {
      const { name, password } = request.body;
      const waitSeconds = context.throttle.retryAfterSeconds(name, request.ip);
      if (waitSeconds > 0) {
        return replyError(
          reply.header('Retry-After', String(waitSeconds)),
          429,
          'tooManyAttempts',
          'too many failed sign-ins; wait and try again',
          {
            retryAfterSeconds: waitSeconds,
          },
        );
      }
      const found = await findUserForLogin(context.database, name);
      const passwordOk = await verifyPassword(password, found?.passwordHash ?? (await hashForUnknownUser()));
      if (!found || !passwordOk) {
        context.throttle.recordFailure(name, request.ip);
        await recordAudit(context.database, {
          actor: null,
          action: 'login.failed',
          target: name,
          detail: { address: request.ip },
        });
        return replyError(reply, 401, 'badCredentials', 'wrong name or password');
      }
      context.throttle.recordSuccess(name);
      const session = await createSession(context.database, found.user.id);
      await recordAudit(context.database, { actor: name, action: 'login', detail: { address: request.ip } });
      reply.setCookie(SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'strict',
        secure: context.secureCookies,
        path: '/api',
        expires: session.expiresAt,
      });
      const { name: userName, role, district } = found.user;
      return {
        token: session.token,
        expiresAt: session.expiresAt.toISOString(),
        user: { name: userName, role, district },
      };
    },
  );

  app.post('/api/logout', async (request, reply) => {
    const token = tokenOf(request);
    if (token) {
      context.sessions.forget(token);
      await endSession(context.database, token);
    }
    await recordAudit(context.database, { actor: userOf(request).name, action: 'logout' });
    reply.clearCookie(SESSION_COOKIE, { path: '/api' });
    return reply.code(204).send();
  });

  app.get('/api/me', async (request) => {
    const { name, role, district } = userOf(request);
    const names = district ? context.geography.districts.get(district) : undefined;
    return {
      name,
      role,
      district,
      districtName: names?.name ?? null,
      districtNameEn: names?.name_en ?? null,
    };
  });
}

/**
 * The team server's HTTP application (Fastify): sign-in, shared scenarios with revisions, history,
 * district submissions and merges. Built from its parts so tests run the very same application on
 * an embedded or a real PostgreSQL, without opening a port.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyCors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { LoginThrottle, type ThrottleOptions } from './auth/login-throttle';
import { SESSION_COOKIE, SessionCache } from './auth/sessions';
import type { User } from './auth/users';
import type { Database } from './database/database';
import type { Geography } from './geo/geography';
import { registerAuthRoutes } from './routes/auth-routes';
import { registerHistoryRoutes } from './routes/history-routes';
import { registerMetaRoutes } from './routes/meta-routes';
import { replyError } from './routes/replies';
import { registerScenarioRoutes } from './routes/scenario-routes';
import { registerSubmissionRoutes } from './routes/submission-routes';
import { ScenarioStore } from './scenarios/scenario-store';

declare module 'fastify' {
  interface FastifyRequest {
    user: User | null;
  }
}

export interface ServerOptions {
  database: Database;
  geography: Geography;
  /** Browser origins allowed to call the API (the app's), e.g. http://127.0.0.1:5173. */
  appOrigins: readonly string[];
  throttle?: ThrottleOptions;
  /** Largest scenario body accepted, bytes. */
  scenarioBodyLimitBytes?: number;
  /** Marks the session cookie Secure (set when the server is reached over HTTPS). */
  secureCookies?: boolean;
  logger?: boolean;
}

export interface ServerContext {
  database: Database;
  geography: Geography;
  scenarios: ScenarioStore;
  throttle: LoginThrottle;
  sessions: SessionCache;
  scenarioBodyLimitBytes: number;
  secureCookies: boolean;
}

export const DEFAULT_SCENARIO_BODY_LIMIT_BYTES = 64 * 1024 * 1024;
const DEFAULT_BODY_LIMIT_BYTES = 64 * 1024;
/** Routes anyone may call: signing in, the API description and the health check. */
const PUBLIC_ROUTES = new Set(['/api/login', '/api/openapi.json', '/api/health']);

/** The token a request carries: `Authorization: Bearer …` first, else the session cookie. */
export function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice('Bearer '.length).trim() || undefined;
  return request.cookies[SESSION_COOKIE] || undefined;
}

/** Every route each server registered, as "METHOD /path" (for the OpenAPI document's test). */
const routeLists = new WeakMap<FastifyInstance, string[]>();
export const routesOf = (app: FastifyInstance): readonly string[] => routeLists.get(app) ?? [];

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: DEFAULT_BODY_LIMIT_BYTES });
  const routes: string[] = [];
  routeLists.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat())
      if (method !== 'HEAD' && method !== 'OPTIONS') routes.push(`${method} ${route.url}`);
  });
  const context: ServerContext = {
    database: options.database,
    geography: options.geography,
    scenarios: new ScenarioStore(options.database, options.geography),
    throttle: new LoginThrottle(options.throttle ?? { maxFailures: 5, windowMs: 15 * 60_000 }),
    sessions: new SessionCache(),
    scenarioBodyLimitBytes: options.scenarioBodyLimitBytes ?? DEFAULT_SCENARIO_BODY_LIMIT_BYTES,
    secureCookies: options.secureCookies ?? false,
  };
  const origins = new Set(options.appOrigins);
  await app.register(fastifyCookie);
  await app.register(fastifyCors, {
    origin: [...origins],
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Authorization', 'If-Match', 'If-None-Match'],
    exposedHeaders: ['ETag', 'Retry-After'],
    maxAge: 600,
  });
  app.decorateRequest('user', null);
  // A browser page from any other origin is refused outright, not only kept from reading the answer.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const origin = request.headers.origin;
    if (origin !== undefined && !origins.has(origin)) {
      return replyError(reply, 403, 'originNotAllowed', `requests from ${origin} are not allowed`);
    }
    if (request.method === 'OPTIONS' || PUBLIC_ROUTES.has(request.routeOptions.url ?? '')) return;
    const token = tokenOf(request);
    const user = token ? await context.sessions.user(context.database, token) : undefined;
    if (!user) return replyError(reply, 401, 'notSignedIn', 'sign in first (POST /api/login)');
    request.user = user;
  });
  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error(error);
    const code =
      status === 413
        ? 'bodyTooLarge'
        : status === 415
          ? 'unsupportedMediaType'
          : status < 500
            ? 'badRequest'
            : 'internal';
    return replyError(reply, status, code, status < 500 ? error.message : 'internal error');
  });
  registerMetaRoutes(app, context);
  registerAuthRoutes(app, context);
  registerScenarioRoutes(app, context);
  registerHistoryRoutes(app, context);
  registerSubmissionRoutes(app, context);
  return app;
}

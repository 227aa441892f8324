import { describe, expect, it } from 'vitest';
import { buildServer, routesOf } from '../../../src/server/app';
import type { Database } from '../../../src/server/database/database';
import { OPENAPI_DOCUMENT } from '../../../src/server/openapi';
import { testGeography } from '../support/server/server-harness';

describe('the OpenAPI document', () => {
  it('describes every route the server registers, and no route it lacks', async () => {
    const app = await buildServer({ database: {} as Database, geography: testGeography(), appOrigins: [] });
    await app.ready();
    const registered = routesOf(app).map((route) => route.replace(/:(\w+)/g, '{$1}'));
    await app.close();
    const documented = Object.entries(OPENAPI_DOCUMENT.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(registered.length).toBeGreaterThan(15);
    expect(registered.sort()).toEqual(documented.sort());
  });
});

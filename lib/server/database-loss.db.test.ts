/**
 * Issue 24, database loss: while PostgreSQL is away (unreachable, restarting, our connections
 * killed) the machine endpoints answer 503 temporarily_unavailable with Retry-After, never a
 * 500, and the pool recovers by itself once the database answers again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createOAuthServer } from '@/lib/oauth';
import { createStore } from '@/lib/db/engine-store';
import { openPostgres } from '@/lib/db/postgres';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { basic, body, createTestServer, form } from '@/lib/testing/oauth';

/** A pool pointed at a port nothing listens on: every query fails with ECONNREFUSED. */
const unreachable = () => openPostgres('postgres://nobody:nothing@127.0.0.1:9/none', { max: 1, connectTimeoutSeconds: 2 });

describe('RFC 6749 §5.2 / §4.1.2.1 temporarily_unavailable when the database is away', () => {
  let t: Awaited<ReturnType<typeof createTestServer>>;
  let app: Awaited<ReturnType<typeof t.application>>;
  beforeAll(async () => {
    t = await createTestServer({}, { isUnavailable: isDatabaseUnavailable });
    app = await t.application();
  });

  it('the token endpoint answers 503 with Retry-After, not 500, and quickly', async () => {
    const dead = unreachable();
    try {
      const server = createOAuthServer({ ...t.deps, store: createStore(dead.db), isUnavailable: isDatabaseUnavailable });
      const started = Date.now();
      const res = await server.token(form('/o/token', { grant_type: 'client_credentials', scope: 'read' }, basic(app.clientId, app.clientSecret)));
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.headers.get('cache-control')).toContain('no-store');
      expect((await body(res)).error).toBe('temporarily_unavailable');
      expect(Date.now() - started).toBeLessThan(5000);

      // Introspection and revocation too: every guarded endpoint shares the mapping.
      const intro = await server.introspect(form('/o/introspect', { token: 'x' }, basic(app.clientId, app.clientSecret)));
      expect(intro.status).toBe(503);
    } finally {
      await dead.close();
    }
  });

  it('without the classifier the same failure would be a 500 (the test can fail)', async () => {
    const dead = unreachable();
    try {
      const server = createOAuthServer({ ...t.deps, store: createStore(dead.db), isUnavailable: undefined });
      const res = await server.token(form('/o/token', { grant_type: 'client_credentials', scope: 'read' }, basic(app.clientId, app.clientSecret)));
      expect(res.status).toBe(500);
    } finally {
      await dead.close();
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)('backends killed with pg_terminate_backend: 503 or success while it happens, then the pool reconnects by itself', async () => {
    const issue = () => t.server.token(form('/o/token', { grant_type: 'client_credentials', scope: 'read' }, basic(app.clientId, app.clientSecret)));
    // Open every connection of the pool, then kill them all from one of them.
    expect((await Promise.all([issue(), issue(), issue(), issue()])).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    await t.db.execute(`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
    const during = await Promise.all([issue(), issue(), issue(), issue()]);
    for (const r of during) expect([200, 503]).toContain(r.status);
    // Recovered within seconds, without a restart.
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline && (status = (await issue()).status) !== 200) await new Promise((r) => setTimeout(r, 200));
    expect(status).toBe(200);
  });
});

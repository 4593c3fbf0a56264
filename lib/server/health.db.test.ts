import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/lib/db/types';
import { openMemoryPglite } from '@/lib/db/embedded';
import { openPostgres } from '@/lib/db/postgres';
import { createTestDb } from '@/lib/testing/test-db';
import { readiness } from './health';
import { GET as health } from '@/app/api/health/route';

afterEach(() => {
  globalThis.__oauthLifecycle = undefined;
});

async function body(res: Response) {
  return (await res.json()) as { status: string; reason?: string };
}

describe('GET /api/health (liveness: the process is up, no database)', () => {
  it('answers 200 {"status":"ok"} without touching the database', async () => {
    const res = health();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('GET /api/ready (readiness: the database answers, migrations applied)', () => {
  let db: Db;
  beforeAll(async () => {
    db = (await createTestDb()).db;
  });

  it('answers 200 {"status":"ready"} on a migrated database, not cacheable', async () => {
    const res = await readiness(async () => db)();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await body(res)).toEqual({ status: 'ready' });
  });

  it('issue 19: answers 503 when the claims module does not load, naming the setting but not the path', async () => {
    const failed = async () => ({ ok: false as const, source: '/srv/secret/claims.mjs', reason: 'OAUTH2_CLAIMS_MODULE: /srv/secret/claims.mjs does not load (boom)', summary: 'claims module: OAUTH2_CLAIMS_MODULE does not load (the server log says why)' });
    const res = await readiness(async () => db, failed)();
    expect(res.status).toBe(503);
    const b = await body(res);
    expect(b).toEqual({ status: 'unavailable', reason: 'claims module: OAUTH2_CLAIMS_MODULE does not load (the server log says why)' });
  });

  it('answers 503 naming the problem when no migrations were applied', async () => {
    const handle = openMemoryPglite();
    try {
      // Started first: a cold in-memory PGlite can take longer than the probe's 2 s on a busy machine.
      await handle.db.execute('select 1');
      const res = await readiness(async () => handle.db)();
      expect(res.status).toBe(503);
      expect(await body(res)).toEqual({ status: 'unavailable', reason: 'database: no migrations applied (run npm run db:migrate or restart)' });
    } finally {
      await handle.close();
    }
  });

  it('answers 503 with the driver code, and no URL or password, when PostgreSQL is down', async () => {
    // A closed port: nothing listens on port 1.
    const handle = openPostgres('postgres://admin:s3cret-password@127.0.0.1:1/oauth', { max: 1 });
    try {
      const res = await readiness(async () => handle.db)();
      expect(res.status).toBe(503);
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({ status: 'unavailable', reason: 'database: ECONNREFUSED' });
      expect(text).not.toContain('s3cret');
      expect(text).not.toContain('127.0.0.1');
    } finally {
      await handle.close();
    }
  });

  it('answers 503 "shutting down" at once while the server drains after SIGTERM', async () => {
    globalThis.__oauthLifecycle = { draining: true };
    const res = await readiness(async () => db)();
    expect(res.status).toBe(503);
    expect(await body(res)).toEqual({ status: 'unavailable', reason: 'shutting down' });
  });
});

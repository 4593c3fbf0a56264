/**
 * A second instance of the app in remote mode (OAUTH2_RESOURCE_SERVER_INTROSPECTION_URL): a token
 * issued by the first is accepted by the second, revoked at the first, and refused by the second
 * once its cache (OAUTH2_RESOURCE_SERVER_TOKEN_CACHING_SECONDS) allows.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createApplication } from './helpers';
import { freePort } from './servers';

let REMOTE = '';
let child: ChildProcess | undefined;
let dataDir = '';


async function waitFor(url: string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not come up`);
}

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  // The resource server's own credentials at the first instance, for introspection: an operator
  // marks it a resource server (RFC 7662 §4), or it would see only its own tokens.
  const rs = await createApplication({ grants: 'client-credentials', name: 'resource server', redirectUris: [], resourceServer: true });
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'oauth-remote-'));
  const port = await freePort();
  REMOTE = `http://127.0.0.1:${port}`;
  child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      OAUTH2_DATA_DIR: dataDir,
      OAUTH2_RESOURCE_SERVER_INTROSPECTION_URL: `${baseURL}/o/introspect`,
      OAUTH2_RESOURCE_SERVER_INTROSPECTION_CREDENTIALS: `${rs.clientId}:${rs.clientSecret}`,
      OAUTH2_RESOURCE_SERVER_TOKEN_CACHING_SECONDS: '3',
    },
  });
  await waitFor(`${REMOTE}/api/health`);
});

test.afterAll(() => {
  try {
    if (child?.pid) process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already stopped */
  }
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a token from the first instance is accepted by the second, then refused after revocation once the cache expires', async ({ request }) => {
  const app = await createApplication({ grants: 'client-credentials', name: 'remote caller', redirectUris: [] });
  const basic = `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`;
  const issued = await request.post('/o/token', { form: { grant_type: 'client_credentials', scope: 'read' }, headers: { Authorization: basic } });
  const { access_token } = await issued.json();

  const hello = () => request.get(`${REMOTE}/api/hello`, { headers: { Authorization: `Bearer ${access_token}` } });
  const ok = await hello();
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ scope: 'read' });

  const notes = await request.post(`${REMOTE}/api/notes`, { headers: { Authorization: `Bearer ${access_token}` }, data: 'x' });
  expect(notes.status()).toBe(403); // read/write rule: POST needs the write scope

  expect((await request.post('/o/revoke_token', { form: { token: access_token }, headers: { Authorization: basic } })).status()).toBe(200);
  expect((await hello()).status()).toBe(200); // still cached
  await new Promise((r) => setTimeout(r, 3500));
  const refused = await hello();
  expect(refused.status()).toBe(401);
  expect(refused.headers()['www-authenticate']).toContain('invalid_token');
});

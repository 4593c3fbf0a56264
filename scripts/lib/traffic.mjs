// Shared by the crash tests and the soak run: starting the production server as a child
// process, and clients that hold what a real client holds (access tokens, refresh families)
// so what the server did can be checked from their side afterwards.
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export const freePort = () =>
  new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** `node server.mjs` on `port` with `env`; resolves once /api/ready answers 200. */
export async function startServer({ env, port, label = 'server', readyWithinMs = 90_000 }) {
  const child = spawn(process.execPath, ['server.mjs', '-p', String(port), '-H', '127.0.0.1'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const exited = () => new Promise((resolve) => (child.exitCode !== null || child.signalCode ? resolve() : child.once('exit', resolve)));
  const deadline = Date.now() + readyWithinMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${label}: the server exited with ${child.exitCode} at start`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/ready`)).ok) return { child, exited, running: () => child.exitCode === null && !child.signalCode };
    } catch {}
    await sleep(200);
  }
  child.kill('SIGKILL');
  throw new Error(`${label}: the server did not become ready within ${readyWithinMs / 1000} s`);
}

/** `npm run manage -- createapplication ... --json` against the database `env` names. */
export function createApplication(env, grants, label) {
  const made = spawnSync('npx', ['tsx', 'lib/manage/index.ts', 'createapplication', 'confidential', grants, '--name', 'Load test', '--json'], { env, encoding: 'utf8' });
  if (made.status !== 0) throw new Error(`${label}: createapplication failed: ${made.stderr.trim()}`);
  return JSON.parse(made.stdout);
}

/**
 * Clients of one application doing mixed traffic: password grants (each starts a refresh
 * family; the demo user alice), refreshes with rotation, client credentials, revocations.
 * Every token received is remembered with what the client expects of it.
 */
export function createClients(base, app) {
  const auth = `Basic ${Buffer.from(`${encodeURIComponent(app.client_id)}:${encodeURIComponent(app.client_secret)}`).toString('base64')}`;
  const violations = [];
  const fail = (msg) => violations.push(msg);
  // revokedOnPurpose: true (revoked, or superseded: a refresh revokes the access token its
  // refresh token came with, as DOT), false (must be active), null (unknowable: its revocation
  // or its family's refresh was in flight when the server died, so either is right).
  const accessTokens = [];
  const families = []; // { latest, current, redeemed: Set, busy }
  const counts = { sent: 0, ok: 0, refused: 0, network: 0 };
  // SIGTERM: when the signal was sent, and requests sent before it that got no answer.
  const drain = { signalAt: 0, lost: 0 };
  const latencies = [];

  async function post(path, params) {
    const sentAt = Date.now();
    let res;
    try {
      res = await fetch(base + path, { method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params) });
    } catch (e) {
      if (drain.signalAt && sentAt < drain.signalAt) drain.lost++;
      throw e;
    }
    const text = await res.text();
    latencies.push(Date.now() - sentAt);
    let json = null;
    try {
      json = JSON.parse(text);
    } catch {
      // A 200 from the token endpoint is always a JSON object: anything else arrived cut off.
      if (res.status === 200 && path === '/o/token') fail(`truncated 200 from ${path}: ${text.slice(0, 80)}`);
    }
    return { status: res.status, json };
  }

  async function startFamily() {
    const r = await post('/o/token', { grant_type: 'password', username: 'alice@example.com', password: 'alice-password', scope: 'read' });
    if (r.status === 200) {
      const current = { token: r.json.access_token, revokedOnPurpose: false };
      accessTokens.push(current);
      families.push({ latest: r.json.refresh_token, current, redeemed: new Set(), busy: false });
    }
    return r.status;
  }

  async function refresh(f) {
    f.busy = true;
    const sent = f.latest;
    try {
      const r = await post('/o/token', { grant_type: 'refresh_token', refresh_token: sent });
      if (r.status === 200) {
        if (f.redeemed.has(sent)) fail('a refresh token was redeemed twice');
        f.redeemed.add(sent);
        f.latest = r.json.refresh_token;
        if (f.current.revokedOnPurpose === false) f.current.revokedOnPurpose = true;
        f.current = { token: r.json.access_token, revokedOnPurpose: false };
        accessTokens.push(f.current);
      }
      return r.status;
    } catch (e) {
      f.current.revokedOnPurpose = null; // the refresh may have happened unheard
      throw e;
    } finally {
      f.busy = false;
    }
  }

  async function clientCredentials(revoke) {
    const r = await post('/o/token', { grant_type: 'client_credentials', scope: 'read' });
    if (r.status !== 200) return r.status;
    const held = { token: r.json.access_token, revokedOnPurpose: false };
    accessTokens.push(held);
    if (revoke) {
      held.revokedOnPurpose = null; // until its answer arrives, either is right
      const v = await post('/o/revoke_token', { token: held.token, token_type_hint: 'access_token' });
      if (v.status === 200) held.revokedOnPurpose = true;
    }
    return r.status;
  }

  function oneOperation(i) {
    const kind = ['cc', 'pw', 'rf', 'rf', 'rv'][i % 5];
    if (kind === 'pw' || (kind === 'rf' && families.length === 0)) return startFamily();
    if (kind === 'rf') {
      const f = families.find((x) => !x.busy);
      return f ? refresh(f) : Promise.resolve('skip');
    }
    return clientCredentials(kind === 'rv');
  }

  /** `workers` loops until `stop.now`; each request is counted by how it ended. */
  function runLoad(stop, workers) {
    let n = 0;
    return Promise.all(
      Array.from({ length: workers }, async () => {
        while (!stop.now) {
          const i = n++;
          counts.sent++;
          try {
            const status = await oneOperation(i);
            if (status === 200 || status === 'skip') counts.ok++;
            else counts.refused++;
          } catch {
            counts.network++;
            await sleep(50);
          }
        }
      }),
    );
  }

  /** Every token as its client expects it; every family refreshes with the client's newest token. */
  async function check(phase) {
    let active = 0;
    for (const held of accessTokens) {
      const r = await post('/o/introspect', { token: held.token });
      if (r.status !== 200) {
        fail(`${phase}: introspection answered ${r.status}`);
        continue;
      }
      if (held.revokedOnPurpose === true && r.json.active) fail(`${phase}: a token revoked on purpose is active`);
      if (held.revokedOnPurpose === false && !r.json.active) fail(`${phase}: a token the client received is not active`);
      if (r.json.active) active++;
    }
    let working = 0;
    for (const f of families) {
      const r = await post('/o/token', { grant_type: 'refresh_token', refresh_token: f.latest });
      if (r.status !== 200) fail(`${phase}: a refresh family does not work with the client's newest token (${r.json?.error}: ${r.json?.error_description})`);
      else {
        working++;
        f.latest = r.json.refresh_token;
        f.redeemed = new Set();
        f.current.revokedOnPurpose = true;
        f.current = { token: r.json.access_token, revokedOnPurpose: false };
        accessTokens.push(f.current);
      }
    }
    console.log(`${phase}: ${accessTokens.length} access tokens checked (${active} active), ${working}/${families.length} refresh families work`);
  }

  const resetCounts = () => Object.assign(counts, { sent: 0, ok: 0, refused: 0, network: 0 });
  return { post, runLoad, check, counts, resetCounts, drain, violations, latencies, accessTokens, families };
}

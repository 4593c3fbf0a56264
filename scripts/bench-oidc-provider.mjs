#!/usr/bin/env node
/**
 * The comparison server for `npm run bench` (issue 25): node-oidc-provider on plain node:http
 * with a minimal PostgreSQL adapter, doing the database work ours does: the client is a row
 * (one SELECT per authentication), a token is one INSERT, a lookup one SELECT. Not a dependency
 * of the project: install it in a throwaway directory and point BENCH_OIDC_PROVIDER there:
 *
 *   mkdir -p /tmp/oidc-bench && npm install --prefix /tmp/oidc-bench oidc-provider@9
 *   BENCH_OIDC_PROVIDER=/tmp/oidc-bench/node_modules/oidc-provider npm run bench
 *
 * Usage (bench.sh starts it): node scripts/bench-oidc-provider.mjs PORT, with DATABASE_URL,
 * BENCH_OIDC_PROVIDER, and BENCH_OIDC_CLIENT='{"client_id":…,"client_secret":…}'.
 * Paths as ours: POST /o/token (client_credentials), POST /o/introspect, GET /api/hello
 * (Bearer: the token looked up through the provider's model, one SELECT), GET /api/health.
 */
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';

const port = Number(process.argv[2]);
const providerDir = process.env.BENCH_OIDC_PROVIDER;
if (!port || !providerDir || !process.env.DATABASE_URL || !process.env.BENCH_OIDC_CLIENT) {
  console.error('bench-oidc-provider: usage: node scripts/bench-oidc-provider.mjs PORT (with DATABASE_URL, BENCH_OIDC_PROVIDER, BENCH_OIDC_CLIENT)');
  process.exit(1);
}
const { default: Provider } = await import(pathToFileURL(path.join(path.resolve(providerDir), 'lib/index.js')).href);

const sql = postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {} });
await sql`create table if not exists oidc_models (
  id text not null, kind text not null, payload jsonb not null, expires_at timestamptz,
  primary key (kind, id))`;

/** One row per model instance: upsert is one INSERT, find one SELECT by primary key. */
class PostgresAdapter {
  constructor(kind) {
    this.kind = kind;
  }
  async upsert(id, payload, expiresIn) {
    const expiresAt = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
    await sql`insert into oidc_models (id, kind, payload, expires_at) values (${id}, ${this.kind}, ${sql.json(payload)}, ${expiresAt})
      on conflict (kind, id) do update set payload = excluded.payload, expires_at = excluded.expires_at`;
  }
  async find(id) {
    const [row] = await sql`select payload from oidc_models where kind = ${this.kind} and id = ${id} and (expires_at is null or expires_at > now())`;
    return row?.payload;
  }
  async findByUserCode() {
    return undefined;
  }
  async findByUid() {
    return undefined;
  }
  async consume(id) {
    await sql`update oidc_models set payload = payload || jsonb_build_object('consumed', extract(epoch from now())::int) where kind = ${this.kind} and id = ${id}`;
  }
  async destroy(id) {
    await sql`delete from oidc_models where kind = ${this.kind} and id = ${id}`;
  }
  async revokeByGrantId(grantId) {
    await sql`delete from oidc_models where payload->>'grantId' = ${grantId}`;
  }
}

const client = JSON.parse(process.env.BENCH_OIDC_CLIENT);
await new PostgresAdapter('Client').upsert(client.client_id, {
  client_id: client.client_id,
  client_secret: client.client_secret,
  grant_types: ['client_credentials'],
  response_types: [],
  redirect_uris: [],
  token_endpoint_auth_method: 'client_secret_basic',
});

const issuer = `http://127.0.0.1:${port}`;
const provider = new Provider(issuer, {
  adapter: PostgresAdapter,
  features: { clientCredentials: { enabled: true }, introspection: { enabled: true }, devInteractions: { enabled: false } },
  routes: { token: '/o/token', introspection: '/o/introspect' },
  scopes: ['read', 'write'],
  cookies: { keys: ['bench-only-cookie-key-0123456789'] },
});
const callback = provider.callback();

const json = (res, status, body) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

http
  .createServer((req, res) => {
    if (req.url === '/api/health') return json(res, 200, { status: 'ok' });
    if (req.url === '/api/hello') {
      // A resource server's bearer check through the provider's own model: one SELECT.
      const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
      if (!token) return json(res, 401, { error: 'invalid_token' });
      provider.ClientCredentials.find(token).then(
        (found) => (found && !found.isExpired ? json(res, 200, { message: 'Hello, world' }) : json(res, 401, { error: 'invalid_token' })),
        () => json(res, 500, { error: 'server_error' }),
      );
      return;
    }
    callback(req, res);
  })
  .listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));

const stop = () => sql.end({ timeout: 2 }).finally(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

/**
 * Prometheus metrics (prom-client's default registry), per instance: each instance is scraped
 * on its own; with OAUTH2_WORKERS > 1 the scrape sums the workers (server.mjs). server.mjs records requests and latency per route and status on the same
 * registry (prom-client is a serverExternalPackage, so both load one module instance); this
 * module adds what the app knows: tokens issued, failed client authentications, rate-limit
 * refusals (all from the engine's events) and the database pool, plus Node's process metrics.
 */
import client from 'prom-client';
import type { EventBus } from '@/lib/oauth/events';
import type { DbHandle } from '@/lib/db/types';
import { openedServerDatabase } from '@/lib/db/client';
import { singleton } from '@/lib/runtime/singletons';
import { clusterMetrics } from '@/lib/runtime/server-globals';

const { register } = client;

function counter(name: string, help: string, labelNames: string[]): client.Counter<string> {
  return (register.getSingleMetric(name) as client.Counter<string> | undefined) ?? new client.Counter({ name, help, labelNames });
}

export const tokensIssued = counter('oauth_tokens_issued_total', 'Token responses by grant type (token endpoint successes)', ['grant_type']);
export const clientAuthFailures = counter('oauth_client_auth_failures_total', 'Failed client authentications by method', ['method']);
export const auditWriteFailures = counter('audit_write_failures_total', 'Audit events that could not be written (logged; the action itself succeeded)', []);
/** Bearer tokens accepted (userinfo, introspection with a bearer, protected APIs): counted, never stored per request. */
export const tokensAuthenticated = counter('oauth_tokens_authenticated_total', 'Bearer access tokens accepted by userinfo, introspection and protected APIs', []);
export const rateLimited = counter('oauth_rate_limited_total', 'Requests refused by a rate limit, by limit', ['limit']);

type DatabaseSource = () => DbHandle | undefined;
let database: DatabaseSource = openedServerDatabase;

/** Where the pool gauges read from: the server's database by default; tests give their own. */
export function useDatabaseForMetrics(source: DatabaseSource): void {
  database = source;
}

if (!register.getSingleMetric('db_pool_size')) {
  new client.Gauge({
    name: 'db_pool_size',
    help: 'Configured database pool size of this instance (DATABASE_POOL_SIZE; 1 for the embedded PGlite)',
    labelNames: ['driver'],
    collect() {
      this.reset();
      const db = database();
      if (db) this.set({ driver: db.kind }, db.poolSize);
    },
  });
  new client.Gauge({
    name: 'db_pool_connections',
    help: "This instance's PostgreSQL connections by state (pg_stat_activity at scrape time; the scrape's own connection counts as idle)",
    labelNames: ['state'],
    async collect() {
      this.reset();
      const states = await database()
        ?.connectionStates?.()
        .catch(() => null);
      for (const [state, n] of Object.entries(states ?? {})) this.set({ state }, n);
    },
  });
}

// Once per process, though each Next bundle loads this module.
singleton('default-metrics', () => client.collectDefaultMetrics());

const counted = new WeakSet<EventBus>();

/** Counts the engine's events (once per bus). */
export function countEvents(events: EventBus): void {
  if (counted.has(events)) return;
  counted.add(events);
  events.on('token_issued', (e) => tokensIssued.inc({ grant_type: e.grantType }));
  events.on('client_auth_failed', (e) => clientAuthFailures.inc({ method: e.method }));
  events.on('rate_limited', (e) => rateLimited.inc({ limit: e.limit }));
  events.on('token_authenticated', () => tokensAuthenticated.inc());
}

/** The exposition text and its content type: this process's, or every worker's summed (OAUTH2_WORKERS > 1). */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const cluster = clusterMetrics();
  return { body: cluster ? await cluster() : await register.metrics(), contentType: register.contentType };
}

import { describe, expect, it } from 'vitest';
import { EventBus } from '@/lib/oauth/events';
import { metricsEndpoint } from './metrics-endpoint';
import { countEvents, useDatabaseForMetrics } from './metrics';

const TOKEN = 'metrics-token-0123456789';
const get = (headers: Record<string, string> = {}) => new Request('http://as.example/api/metrics', { headers });

/** The value of one sample line (`name{labels} value`) in the exposition text, or undefined. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /api/metrics protection (OAUTH2_METRICS_TOKEN)', () => {
  it('answers 404 with how to turn it on when no token is set', async () => {
    const res = await metricsEndpoint(() => null)(get({ Authorization: `Bearer ${TOKEN}` }));
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error_description: string }).error_description).toContain('OAUTH2_METRICS_TOKEN');
  });
  it('RFC 6750 §3: no credentials answers 401 with a bare Bearer challenge', async () => {
    const res = await metricsEndpoint(() => TOKEN)(get());
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
  });
  it('RFC 6750 §3.1: a wrong token answers 401 invalid_token', async () => {
    for (const auth of [`Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`]) {
      const res = await metricsEndpoint(() => TOKEN)(get({ Authorization: auth }));
      expect(res.status).toBe(401);
    }
    const res = await metricsEndpoint(() => TOKEN)(get({ Authorization: 'Bearer wrong' }));
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="metrics", error="invalid_token"');
  });
  it('the right token gets Prometheus text, not cacheable', async () => {
    const res = await metricsEndpoint(() => TOKEN)(get({ Authorization: `Bearer ${TOKEN}` }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).toContain('# TYPE oauth_tokens_issued_total counter');
    expect(text).toContain('process_cpu_user_seconds_total'); // Node's default process metrics
  });
});

describe('metrics count what they claim', () => {
  const scrape = async () => (await metricsEndpoint(() => TOKEN)(get({ Authorization: `Bearer ${TOKEN}` }))).text();

  it('tokens issued per grant type, failed client authentications, rate-limit refusals (from the engine events)', async () => {
    const events = new EventBus();
    countEvents(events);
    countEvents(events); // wiring twice must not count twice
    const before = await scrape();
    const at = (text: string, series: string) => sample(text, series) ?? 0;
    events.emit('token_issued', { applicationId: 'a', clientId: 'c', grantType: 'client_credentials' });
    events.emit('token_issued', { applicationId: 'a', clientId: 'c', grantType: 'client_credentials' });
    events.emit('token_issued', { applicationId: 'a', clientId: 'c', grantType: 'refresh_token' });
    events.emit('client_auth_failed', { clientId: 'c', method: 'client_secret_basic' });
    events.emit('rate_limited', { limit: 'token_client' });
    const after = await scrape();
    const delta = (series: string) => at(after, series) - at(before, series);
    expect(delta('oauth_tokens_issued_total{grant_type="client_credentials"}')).toBe(2);
    expect(delta('oauth_tokens_issued_total{grant_type="refresh_token"}')).toBe(1);
    expect(delta('oauth_client_auth_failures_total{method="client_secret_basic"}')).toBe(1);
    expect(delta('oauth_rate_limited_total{limit="token_client"}')).toBe(1);
  });

  it('database pool: the configured size and the connections by state', async () => {
    useDatabaseForMetrics(() => ({ kind: 'postgres', poolSize: 7, connectionStates: async () => ({ active: 2, idle: 3 }) }) as never);
    const text = await scrape();
    expect(sample(text, 'db_pool_size{driver="postgres"}')).toBe(7);
    expect(sample(text, 'db_pool_connections{state="active"}')).toBe(2);
    expect(sample(text, 'db_pool_connections{state="idle"}')).toBe(3);
    useDatabaseForMetrics(() => ({ kind: 'pglite', poolSize: 1 }) as never);
    const embedded = await scrape();
    expect(sample(embedded, 'db_pool_size{driver="pglite"}')).toBe(1);
    expect(sample(embedded, 'db_pool_size{driver="postgres"}')).toBeUndefined();
    expect(embedded).not.toContain('db_pool_connections{');
  });
});

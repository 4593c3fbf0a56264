/**
 * Wires the engine's events and responses into the request's log line and the metrics.
 * The engine knows nothing of logs: the seam (lib/server/oauth-server.ts) calls these.
 */
import type { EventBus } from '@/lib/oauth/events';
import { noteRequest, requestContext } from './request-context';
import { countEvents } from './metrics';

const attached = new WeakSet<EventBus>();

/** The client (and user) a request turned out to concern, for its log line; and the metrics counters. */
export function observeEvents(events: EventBus): void {
  countEvents(events);
  if (attached.has(events)) return;
  attached.add(events);
  events.on('client_authenticated', (e) => noteRequest({ clientId: e.clientId }));
  // The client id someone claimed: what an operator needs to see a guessing attempt.
  events.on('client_auth_failed', (e) => noteRequest({ clientId: e.clientId }));
  events.on('app_authorized', (e) => noteRequest({ clientId: e.clientId, userId: e.userId }));
  events.on('token_issued', (e) => noteRequest({ clientId: e.clientId }));
  // A protected API's or userinfo's log line names whose token it was. No metric: route metrics
  // already count these requests, and a per-client label would grow without bound.
  events.on('token_authenticated', (e) => noteRequest({ ...(e.clientId ? { clientId: e.clientId } : {}), ...(e.userId ? { userId: e.userId } : {}) }));
}

const WWW_AUTHENTICATE_ERROR = /error="([a-z_]+)"/;
const REDIRECT_ERROR = /[?&#]error=([a-z_]+)/;

/**
 * Records the RFC error code of a protocol error response, for the log line. Success paths
 * cost one status check: only a 4xx/5xx JSON body is read (a clone, a few hundred bytes), and
 * a redirect is looked at only when its Location carries `error=` (RFC 6749 §4.1.2.1).
 */
export async function noteErrorCode(res: Response): Promise<void> {
  const ctx = requestContext();
  if (!ctx) return;
  const status = res.status;
  if (status >= 300 && status < 400) {
    const location = res.headers.get('location');
    const m = location?.includes('error=') ? REDIRECT_ERROR.exec(location) : null;
    if (m) ctx.error = m[1];
    return;
  }
  if (status < 400) return;
  const challenge = res.headers.get('www-authenticate');
  const fromHeader = challenge ? WWW_AUTHENTICATE_ERROR.exec(challenge) : null;
  if (fromHeader) {
    ctx.error = fromHeader[1];
    return;
  }
  if (!res.headers.get('content-type')?.includes('json')) return;
  try {
    const body = (await res.clone().json()) as { error?: unknown };
    // Only a code-shaped value: the body is the client's to read, the log line is ours.
    if (typeof body.error === 'string' && /^[a-z_]{1,64}$/.test(body.error)) ctx.error = body.error;
  } catch {
    /* not JSON after all */
  }
}

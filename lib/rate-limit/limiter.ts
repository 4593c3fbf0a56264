/**
 * The engine's RateLimits over rate-limiter-flexible: RateLimiterPostgres on the `rate_limits`
 * table when the server runs on PostgreSQL (every instance shares the counters), RateLimiterMemory
 * on the embedded database (one process there).
 */
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { clientIp } from '@/lib/client-ip';
import type { LimitName, RateLimits } from '@/lib/oauth/rate-limit';
import type { PgStyleClient } from './postgres-client';
import type { Limit, RateLimitSettings } from './settings';

export type Backend = { kind: 'memory' } | { kind: 'postgres'; client: PgStyleClient };

/** Whole seconds to wait, at least 1 (Retry-After: 0 would invite an immediate retry). */
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Built only when limits are on: with OAUTH2_RATE_LIMITS=off the engine gets none and pays nothing. */
export function createRateLimits(
  settings: RateLimitSettings,
  backend: Backend,
  onError: (e: unknown) => void = (e) => console.error('rate limits: counter unavailable, request allowed:', e instanceof Error ? e.message : e),
): RateLimits | undefined {
  if (!settings.enabled) return undefined;
  const limiters = new Map<string, RateLimiterAbstract>();
  let janitor = true;

  function limiter(name: LimitName, limit: Limit): RateLimiterAbstract {
    const id = `${name}/${limit.points}/${limit.duration}`;
    let l = limiters.get(id);
    if (l) return l;
    const options = {
      // One counter per limit value: an application whose limit changes starts a fresh count (as
      // memory limiters, which cannot share counts, would anyway).
      keyPrefix: `${name}/${limit.points}/${limit.duration}`,
      points: limit.points,
      duration: limit.duration,
      // Once a key is over, this process refuses it from memory until the window ends: a flood
      // costs no database round trips (RLF blocks at this many consumed points).
      inMemoryBlockOnConsumed: limit.points,
    };
    if (backend.kind === 'memory') l = new RateLimiterMemory(options);
    else {
      l = new RateLimiterPostgres({
        ...options,
        storeClient: backend.client,
        storeType: 'client',
        tableName: 'rate_limits',
        tableCreated: true, // migration 0002 made it
        // One limiter per process deletes long-expired rows every 5 minutes; one is enough.
        clearExpiredByTimeout: janitor,
      });
      janitor = false;
    }
    limiters.set(id, l);
    return l;
  }

  function limitFor(name: LimitName, perMinute: number | null | undefined): Limit | null {
    if (perMinute === null || perMinute === undefined) return settings.limits[name];
    return perMinute === 0 ? null : { points: perMinute, duration: 60 };
  }

  // A failure counter that reached its limit, remembered here until its window ends, so a locked
  // client_id or account costs no database read on this instance.
  const locks = new Map<string, number>();
  const lockKey = (name: LimitName, key: string) => `${name}:${key}`;
  function lockedLocally(name: LimitName, key: string): number | null {
    const until = locks.get(lockKey(name, key));
    if (until === undefined) return null;
    if (until > Date.now()) return seconds(until - Date.now());
    locks.delete(lockKey(name, key));
    return null;
  }

  function remember(name: LimitName, key: string, ms: number) {
    if (locks.size > 10_000) locks.clear(); // bounded: a spray of ids cannot grow it forever
    locks.set(lockKey(name, key), Date.now() + ms);
  }

  return {
    clientIp: (req) => clientIp(req.headers, settings.trustedProxies),

    async consume(name, key, perMinute) {
      const limit = limitFor(name, perMinute);
      if (!limit) return null;
      try {
        await limiter(name, limit).consume(key);
        return null;
      } catch (e) {
        if (e instanceof RateLimiterRes) return seconds(e.msBeforeNext);
        // Fail open: the counters live in the database everything else uses, and refusing every
        // request because a counter could not be read would turn a blip into an outage.
        onError(e);
        return null;
      }
    },

    async locked(name, key) {
      const limit = settings.limits[name];
      if (!limit) return null;
      const local = lockedLocally(name, key);
      if (local !== null) return local;
      try {
        const res = await limiter(name, limit).get(key);
        if (!res || res.consumedPoints < limit.points) return null;
        remember(name, key, res.msBeforeNext);
        return seconds(res.msBeforeNext);
      } catch (e) {
        onError(e);
        return null;
      }
    },

    async fail(name, key) {
      const limit = settings.limits[name];
      if (!limit) return;
      try {
        const res = await limiter(name, limit).penalty(key, 1);
        if (res.consumedPoints >= limit.points) remember(name, key, res.msBeforeNext);
      } catch (e) {
        onError(e);
      }
    },
  };
}

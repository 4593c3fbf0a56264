/**
 * The engine's RateLimits over rate-limiter-flexible: RateLimiterPostgres on the `rate_limits`
 * table when the server runs on PostgreSQL (every instance shares the counters), RateLimiterMemory
 * on the embedded database (one process there).
 *
 * Two things keep the shared counters off the hot path (docs/benchmarks.md measures them):
 * - Leases: for a large limit, an instance takes points from the shared counter in batches (1/50
 *   of the limit, at most 1,000) and hands them out from memory. It never admits more than the
 *   limit (every request was counted in the database first); it may refuse up to a batch per
 *   instance early, as reserved points left unused count until the window ends. Limits under
 *   100 points are counted one request at a time.
 * - The failed-authentication lock is read from the database, but a key with no failures at all
 *   is trusted "clear" for a second. A failure on this instance forgets that at once, so a key
 *   under attack is read every time; another instance's first failure reaches this one within
 *   a second (at most one extra guess per instance, once per window).
 */
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { clientIp } from '@/lib/http/client-ip';
import type { LimitName, RateLimits } from '@/lib/oauth/rate-limit';
import type { PgStyleClient } from './postgres-client';
import type { Limit, RateLimitSettings } from './settings';

export type Backend = { kind: 'memory' } | { kind: 'postgres'; client: PgStyleClient };

export interface LimiterOptions {
  /** A counter that cannot be read or written: logged, and the request is allowed. */
  onError?: (e: unknown) => void;
  /** Take points in batches (default: on PostgreSQL, where each batch is a round trip). */
  lease?: boolean;
  /** How long a failure counter seen at zero is trusted (default 1,000 ms). */
  clearCacheMs?: number;
}

/** Whole seconds to wait, at least 1 (Retry-After: 0 would invite an immediate retry). */
const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Points taken from the shared counter at once for this limit. */
export function leaseSize(limit: Limit): number {
  return limit.points < 100 ? 1 : Math.min(1000, Math.floor(limit.points / 50));
}

interface Lease {
  remaining: number;
  /** When the window the points belong to ends (epoch ms). */
  until: number;
  /** Over the limit until then (epoch ms): refused from memory. */
  refusedUntil: number;
  pending: Promise<void> | null;
}

const MAX_KEYS = 10_000;

/** Built only when limits are on: with OAUTH2_RATE_LIMITS=off the engine gets none and pays nothing. */
export function createRateLimits(settings: RateLimitSettings, backend: Backend, options: LimiterOptions = {}): RateLimits | undefined {
  if (!settings.enabled) return undefined;
  const onError = options.onError ?? ((e) => console.error('rate limits: counter unavailable, request allowed:', e instanceof Error ? e.message : e));
  const leasing = options.lease ?? backend.kind === 'postgres';
  const clearCacheMs = options.clearCacheMs ?? 1000;
  const limiters = new Map<string, RateLimiterAbstract>();
  let janitor = true;

  function limiter(name: LimitName, limit: Limit): { id: string; l: RateLimiterAbstract } {
    const id = `${name}/${limit.points}/${limit.duration}`;
    let l = limiters.get(id);
    if (l) return { id, l };
    const opts = {
      // One counter per limit value: an application whose limit changes starts a fresh count (as
      // memory limiters, which cannot share counts, would anyway).
      keyPrefix: id,
      points: limit.points,
      duration: limit.duration,
      // Once a key is over, this process refuses it from memory until the window ends: a flood
      // costs no database round trips (RLF blocks at this many consumed points).
      inMemoryBlockOnConsumed: limit.points,
    };
    if (backend.kind === 'memory') l = new RateLimiterMemory(opts);
    else {
      l = new RateLimiterPostgres({
        ...opts,
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
    return { id, l };
  }

  function limitFor(name: LimitName, perMinute: number | null | undefined): Limit | null {
    if (perMinute === null || perMinute === undefined) return settings.limits[name];
    return perMinute === 0 ? null : { points: perMinute, duration: 60 };
  }

  /** One request, one round trip: null, or the seconds to wait. */
  async function consumeOne(l: RateLimiterAbstract, key: string): Promise<number | null> {
    try {
      await l.consume(key);
      return null;
    } catch (e) {
      if (e instanceof RateLimiterRes) return seconds(e.msBeforeNext);
      // Fail open: the counters live in the database everything else uses, and refusing every
      // request because a counter could not be read would turn a blip into an outage.
      onError(e);
      return null;
    }
  }

  const leases = new Map<string, Lease>();

  /** Takes `batch` points from the shared counter for this process, or as many as still fit. */
  async function reserve(lease: Lease, l: RateLimiterAbstract, limit: Limit, key: string, batch: number): Promise<void> {
    try {
      const res = await l.consume(key, batch);
      Object.assign(lease, { remaining: batch, until: Date.now() + res.msBeforeNext, refusedUntil: 0 });
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) {
        onError(e);
        Object.assign(lease, { remaining: 1, until: Date.now() + 1000, refusedUntil: 0 }); // fail open for this request
        return;
      }
      // Part of the batch may still fit: the counter went past the limit by consumedPoints - points.
      // (A key RLF blocks in memory reports 0 consumed: nothing fits.)
      const fit = e.consumedPoints > limit.points ? Math.min(batch, Math.max(0, limit.points - (e.consumedPoints - batch))) : 0;
      const until = Date.now() + e.msBeforeNext;
      Object.assign(lease, fit > 0 ? { remaining: fit, until, refusedUntil: 0 } : { remaining: 0, until, refusedUntil: until });
    }
  }

  async function consumeLeased(id: string, l: RateLimiterAbstract, limit: Limit, key: string, batch: number): Promise<number | null> {
    const k = `${id}:${key}`;
    let lease = leases.get(k);
    if (!lease) {
      if (leases.size >= MAX_KEYS) leases.clear(); // bounded; dropped leases only make counting stricter
      lease = { remaining: 0, until: 0, refusedUntil: 0, pending: null };
      leases.set(k, lease);
    }
    for (;;) {
      const now = Date.now();
      if (lease.refusedUntil > now) return seconds(lease.refusedUntil - now);
      if (lease.remaining > 0 && lease.until > now) {
        lease.remaining--;
        return null;
      }
      // One reservation at a time per key; concurrent requests wait for it and take from it.
      if (!lease.pending) {
        const current = lease;
        current.pending = reserve(current, l, limit, key, batch).finally(() => {
          current.pending = null;
        });
      }
      await lease.pending;
    }
  }

  // Failure counters at or over their limit, remembered until their window ends, and ones seen
  // at zero, trusted for clearCacheMs (see the top of this file).
  const locks = new Map<string, number>();
  const clear = new Map<string, number>();
  const lockKey = (name: LimitName, key: string) => `${name}:${key}`;
  function remember(map: Map<string, number>, k: string, until: number) {
    if (map.size >= MAX_KEYS) map.clear(); // bounded: a spray of ids cannot grow it forever
    map.set(k, until);
  }

  /**
   * One failure counted for `key` (a wrong secret, a wrong password, a password slot taken):
   * penalty is the counter's atomic increment (one UPDATE … RETURNING on PostgreSQL) without
   * consume's in-memory block, which a refund could not lift; the count after it decides. Once
   * the count reaches the limit the lock is remembered here. Null when the counter is unavailable.
   */
  async function countFailure(name: LimitName, limit: Limit, key: string): Promise<RateLimiterRes | null> {
    const k = lockKey(name, key);
    clear.delete(k);
    try {
      const res = await limiter(name, limit).l.penalty(key, 1);
      if (res.consumedPoints >= limit.points) remember(locks, k, Date.now() + res.msBeforeNext);
      return res;
    } catch (e) {
      onError(e);
      return null;
    }
  }

  const ipOf = new WeakMap<Request, string>();

  return {
    clientIp(req) {
      // The token endpoint asks twice (its per-IP count, then the client-auth lock): parse X-Forwarded-For once.
      let ip = ipOf.get(req);
      if (ip === undefined) ipOf.set(req, (ip = clientIp(req.headers, settings.trustedProxies)));
      return ip;
    },

    async consume(name, key, perMinute) {
      const limit = limitFor(name, perMinute);
      if (!limit) return null;
      const { id, l } = limiter(name, limit);
      const batch = leasing ? leaseSize(limit) : 1;
      return batch === 1 ? consumeOne(l, key) : consumeLeased(id, l, limit, key, batch);
    },

    async locked(name, key) {
      const limit = settings.limits[name];
      if (!limit) return null;
      const k = lockKey(name, key);
      const now = Date.now();
      const lockedUntil = locks.get(k) ?? 0;
      if (lockedUntil > now) return seconds(lockedUntil - now);
      if ((clear.get(k) ?? 0) > now) return null;
      try {
        const res = await limiter(name, limit).l.get(key);
        if (!res || res.consumedPoints === 0) {
          remember(clear, k, Date.now() + clearCacheMs);
          return null;
        }
        if (res.consumedPoints < limit.points) return null;
        remember(locks, k, Date.now() + res.msBeforeNext);
        return seconds(res.msBeforeNext);
      } catch (e) {
        onError(e);
        return null;
      }
    },

    async fail(name, key) {
      const limit = settings.limits[name];
      if (!limit) return;
      await countFailure(name, limit, key);
    },

    async take(name, key) {
      const limit = settings.limits[name];
      if (!limit) return null;
      const k = lockKey(name, key);
      const now = Date.now();
      const lockedUntil = locks.get(k) ?? 0;
      if (lockedUntil > now) return seconds(lockedUntil - now);
      const res = await countFailure(name, limit, key);
      return res && res.consumedPoints > limit.points ? seconds(res.msBeforeNext) : null;
    },

    async refund(name, key) {
      const limit = settings.limits[name];
      if (!limit) return;
      locks.delete(lockKey(name, key));
      try {
        await limiter(name, limit).l.reward(key, 1);
      } catch (e) {
        onError(e);
      }
    },
  };
}

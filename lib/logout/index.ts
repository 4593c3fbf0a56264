/**
 * What happens when a browser session ends (sign-out on our pages, RP-initiated logout at
 * /o/logout, a session ended from the account page, by an operator, or with a person's access):
 *
 * 1. OAUTH2_LOGOUT_REVOKES_TOKENS (default on): the access and refresh tokens issued in that
 *    session are revoked, except grants with offline_access (DOT 2.3). Tokens exchanged from
 *    them (RFC 8693) die with them.
 * 2. OIDC Back-Channel Logout 1.0: each application the session signed into that registered a
 *    back-channel logout URI gets a job on the logout queue; the worker POSTs its logout token
 *    (lib/logout/deliver.ts). Queuing is one insert: a slow or unreachable application never
 *    holds up the sign-out, and nothing here ever makes a sign-out fail.
 *
 * Step-up sign-in (a second factor replacing the session) ends a session too, but the person
 * stays signed in: it does not come through here.
 */
import { getSettings } from '@/lib/config/settings';
import { openedServerDatabase, openServerDatabase } from '@/lib/db/client';
import { findBackchannelTargets, revokeSessionTokens } from '@/lib/db/logout';
import type { Db } from '@/lib/db/types';
import type { EventBus } from '@/lib/oauth/events';
import { singleton } from '@/lib/runtime/singletons';
import { events } from '@/lib/server/events';
import { announceRevokedTokens } from '@/lib/server/revocation-events';
import { createBackchannelDelivery } from './deliver';
import { createLogoutQueue, type LogoutQueue } from './queue';

export interface SessionEndDeps {
  db: Db;
  /** Null: nothing is delivered (no queue could be opened); tokens are still revoked. */
  queue: Pick<LogoutQueue, 'send'> | null;
  revokesTokens: boolean;
  events: EventBus;
  /** The issuer the session's ID tokens named: the logout tokens' iss. */
  issuer: string;
  now: Date;
  /** Who ended the sessions, for the token_revoked / grant_revoked events. */
  source: 'user' | 'operator';
  logError?: (line: string) => void;
}

/** The work, its database and queue passed in (tests give it theirs). */
export async function afterSessionsEnded(deps: SessionEndDeps, sessionIds: string[]): Promise<{ tokensRevoked: number; logoutsQueued: number }> {
  const logError = deps.logError ?? ((line: string) => console.error(line));
  let tokensRevoked = 0;
  if (sessionIds.length === 0) return { tokensRevoked, logoutsQueued: 0 };
  if (deps.revokesTokens) {
    for (const r of await revokeSessionTokens(deps.db, sessionIds, deps.now)) {
      announceRevokedTokens(deps.events, r, { source: deps.source, userId: r.userId, reason: 'logout' });
      tokensRevoked += r.accessTokens + r.refreshTokens;
    }
  }
  const targets = await findBackchannelTargets(deps.db, sessionIds);
  if (targets.length && deps.queue) {
    try {
      await deps.queue.send(targets.map((t) => ({ ...t, issuer: deps.issuer })));
    } catch (e) {
      logError(`back-channel logout: could not queue ${targets.length} logout token(s): ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
      return { tokensRevoked, logoutsQueued: 0 };
    }
  }
  return { tokensRevoked, logoutsQueued: deps.queue ? targets.length : 0 };
}

/** This process's queue (the server's, or a command's over its own connection). */
function processQueue(): Promise<LogoutQueue> {
  return singleton<Promise<LogoutQueue>>('logout-queue', async () => {
    const handle = await openServerDatabase();
    const { getOAuthServer } = await import('@/lib/server/oauth-server');
    const keys = (await getOAuthServer()).deps.keys;
    if (!keys) throw new Error('back-channel logout needs the OIDC signing keys');
    return createLogoutQueue({ handle, deliver: createBackchannelDelivery({ db: handle.db, keys }) });
  });
}

/** In a page, a server action or a route handler: OAUTH2_ISSUER, or the origin the browser used. */
async function issuerNow(): Promise<string> {
  try {
    const { currentIssuer } = await import('@/lib/config/issuer');
    return await currentIssuer();
  } catch {
    const { commandLineBaseUrl } = await import('@/lib/accounts/base-url');
    return commandLineBaseUrl(); // outside a request: a command
  }
}

/**
 * The app's hook, called right after sessions ended. Never throws: the sign-out already happened,
 * and whatever fails here is logged instead.
 */
export async function sessionsEnded(sessionIds: string[], source: 'user' | 'operator' = 'user', db?: Db, options: { keepTokens?: boolean } = {}): Promise<void> {
  if (sessionIds.length === 0) return;
  try {
    // A given database (a command's, a test's) is used as is; the queue only where the server's
    // database is open (a command adopts its connection as that), never opening one of its own.
    const onServer = !db || openedServerDatabase()?.db === db;
    const queue = onServer
      ? await processQueue().catch((e: unknown) => {
          console.error(`back-channel logout: no queue: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
          return null;
        })
      : null;
    await afterSessionsEnded(
      { db: db ?? (await openServerDatabase()).db, queue, revokesTokens: getSettings().logout.revokesTokens && !options.keepTokens, events, issuer: await issuerNow(), now: new Date(), source },
      sessionIds,
    );
  } catch (e) {
    console.error(`sign-out: ending the session's tokens and logouts failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
}

/** Server start: the worker that delivers logout tokens (and what was queued while it was down). Returns its stop. */
export async function startLogoutWorker(): Promise<() => Promise<void>> {
  const queue = await processQueue();
  await queue.work();
  return () => queue.stop();
}

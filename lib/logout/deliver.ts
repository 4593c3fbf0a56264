/**
 * OIDC Back-Channel Logout 1.0 §2.5-2.8: one delivery. The logout token is signed when it is sent
 * (a retry an hour later still carries a fresh iat and exp), POSTed as
 * application/x-www-form-urlencoded `logout_token=…` to the URI the application has now, with a
 * timeout and without following redirects. A 2xx answer is success (§2.8: 200, some frameworks
 * 204). A network error, a timeout, 429 or 5xx is retried; any other answer, or an application
 * that no longer has a URI or is disabled, is given up (retrying will not change it).
 * Every failure is logged as one line and written to the audit trail as
 * `backchannel_logout.failed`, so operators see it in the console (/admin/audit).
 */
import { lookup } from 'node:dns/promises';
import { addressProblem } from '@/lib/agents/fetch-metadata-document';
import { recordAudit } from '@/lib/audit';
import { findBackchannelApplication } from '@/lib/db/logout';
import type { Db } from '@/lib/db/types';
import type { KeyRing } from '@/lib/oauth/oidc/keys';
import { signLogoutToken } from '@/lib/oauth/oidc/logout-token';
import { PermanentFailure, type DeliverLogout } from './queue';

export const DELIVERY_TIMEOUT_MS = 5000;

export interface DeliveryDeps {
  db: Db;
  keys: KeyRing;
  clock?: () => Date;
  timeoutMs?: number;
  logError?: (line: string) => void;
  /**
   * Whether self-registered clients' URIs may point at loopback or private addresses (tests,
   * development). Off: a URI registered through RFC 7591 that resolves to one is refused, since
   * anyone may register such a client and would otherwise make this server POST inside its network.
   */
  allowPrivateAddresses?: boolean;
}

export function createBackchannelDelivery(deps: DeliveryDeps): DeliverLogout {
  const clock = deps.clock ?? (() => new Date());
  const logError = deps.logError ?? ((line: string) => console.error(line));
  return async (job, attempt) => {
    const app = await findBackchannelApplication(deps.db, job.applicationId);
    const fail = async (reason: string, retry: boolean, status?: number) => {
      const willRetry = retry && !attempt.last;
      logError(`back-channel logout to ${app?.clientId ?? job.applicationId} failed (attempt ${attempt.number}${willRetry ? ', will retry' : ', giving up'}): ${reason}`);
      await recordAudit({
        type: 'backchannel_logout.failed',
        actor: { type: 'system' },
        userId: job.userId,
        clientId: app?.clientId ?? null,
        detail: { reason, ...(status ? { status } : {}), attempt: attempt.number, willRetry, host: hostOf(app?.backchannelLogoutUri) },
      });
      throw retry ? new Error(reason) : new PermanentFailure(reason);
    };
    if (!app || app.disabled || !app.backchannelLogoutUri) return fail('the application no longer has a back-channel logout URI', false);
    const uri = app.backchannelLogoutUri;
    if (app.registeredVia !== 'dashboard' && !deps.allowPrivateAddresses) {
      const problem = await privateAddressProblem(uri);
      if (problem) return fail(problem, false);
    }
    const token = await signLogoutToken({ client: app, issuer: job.issuer, userId: job.userId, sessionId: job.sessionId, now: clock() }, deps.keys);
    let res: Response;
    try {
      res = await fetch(uri, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Cache-Control': 'no-store' },
        body: new URLSearchParams({ logout_token: token }).toString(),
        redirect: 'manual',
        signal: AbortSignal.timeout(deps.timeoutMs ?? DELIVERY_TIMEOUT_MS),
      });
      await res.body?.cancel();
    } catch (e) {
      const reason = e instanceof Error && e.name === 'TimeoutError' ? 'timed out' : e instanceof Error ? ((e.cause as Error | undefined)?.message ?? e.message) : String(e);
      return fail(reason.split('\n')[0]!, true);
    }
    if (res.ok) return;
    return fail(`answered ${res.status}`, res.status === 429 || res.status >= 500, res.status);
  };
}

function hostOf(uri: string | null | undefined): string | null {
  try {
    return uri ? new URL(uri).host : null;
  } catch {
    return null;
  }
}

/** The reason a self-registered client's URI may not be called (it resolves to a private address), or null. */
async function privateAddressProblem(uri: string): Promise<string | null> {
  try {
    const host = new URL(uri).hostname.replace(/^\[|\]$/g, '');
    for (const { address } of await lookup(host, { all: true })) {
      const problem = addressProblem(address, false);
      if (problem) return `the back-channel logout URI's host ${problem}`;
    }
    return null;
  } catch (e) {
    return `the back-channel logout URI's host does not resolve (${e instanceof Error ? e.message : String(e)})`;
  }
}

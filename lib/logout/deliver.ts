/**
 * OIDC Back-Channel Logout 1.0 §2.5-2.8: one delivery. The logout token is signed when it is sent
 * (a retry an hour later still carries a fresh iat and exp), POSTed as
 * application/x-www-form-urlencoded `logout_token=…` to the URI the application has now, with a
 * timeout and without following redirects. A 2xx answer is success (§2.8: 200, some frameworks
 * 204). A network error, a timeout, 429 or 5xx is retried; any other answer, or an application
 * that no longer has a URI or is disabled, is given up (retrying will not change it).
 * Every failure is logged as one line and written to the audit trail as
 * `backchannel_logout.failed`, so operators see it in the console (/admin/audit).
 *
 * A self-registered client's URI is resolved once, every address checked, and the connection
 * made to the checked address (the socket's `lookup` returns it): a DNS answer that changes
 * between the check and the connection (rebinding) cannot point the POST inside the network.
 */
import http from 'node:http';
import https from 'node:https';
import ipaddr from 'ipaddr.js';
import { addressProblem, pinnedLookup, systemResolve, type ResolvedAddress, type Resolver } from '@/lib/agents/fetch-metadata-document';
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
  /** Injectable for tests (private addresses, rebinding); defaults to the system resolver. */
  resolve?: Resolver;
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
    const uri = new URL(app.backchannelLogoutUri);
    // Dashboard applications are the operator's developers' (their URIs may be internal on purpose).
    let pinned: ResolvedAddress | undefined;
    if (app.registeredVia !== 'dashboard' && !deps.allowPrivateAddresses) {
      const vetted = await publicAddress(uri, deps.resolve ?? systemResolve);
      if (typeof vetted === 'string') return fail(vetted, false);
      pinned = vetted;
    }
    const token = await signLogoutToken({ client: app, issuer: job.issuer, userId: job.userId, sessionId: job.sessionId, now: clock() }, deps.keys);
    let status: number;
    try {
      status = await postForm(uri, new URLSearchParams({ logout_token: token }).toString(), deps.timeoutMs ?? DELIVERY_TIMEOUT_MS, pinned);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return fail(reason.split('\n')[0]!, true);
    }
    if (status >= 200 && status < 300) return;
    return fail(`answered ${status}`, status === 429 || status >= 500, status);
  };
}

/**
 * One POST of a form body; resolves with the status (redirects are answers, not followed). With
 * `pinned`, the socket connects to that address whatever DNS says by then.
 */
function postForm(url: URL, body: string, timeoutMs: number, pinned: ResolvedAddress | undefined): Promise<number> {
  const lookup = pinned ? pinnedLookup(pinned) : undefined;
  return new Promise((resolve, reject) => {
    const req = (url.protocol === 'https:' ? https : http).request(
      url,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Cache-Control': 'no-store', 'Content-Length': Buffer.byteLength(body) },
        agent: false,
        ...(lookup ? { lookup } : {}),
        signal: AbortSignal.timeout(timeoutMs),
      },
      (res) => {
        res.resume(); // the answer's body is not read, only drained
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('error', (e: NodeJS.ErrnoException) => reject(new Error(e.name === 'AbortError' || e.name === 'TimeoutError' ? 'timed out' : e.message)));
    req.end(body);
  });
}

function hostOf(uri: string | null | undefined): string | null {
  try {
    return uri ? new URL(uri).host : null;
  } catch {
    return null;
  }
}

/**
 * The address a self-registered client's URI may be called at (its host's first, once every
 * address it resolves to is public), or the reason it may not.
 */
async function publicAddress(uri: URL, resolve: Resolver): Promise<ResolvedAddress | string> {
  const host = uri.hostname.replace(/^\[|\]$/g, '');
  let addresses: ResolvedAddress[];
  try {
    addresses = ipaddr.isValid(host) ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }] : await resolve(host);
  } catch (e) {
    return `the back-channel logout URI's host does not resolve (${e instanceof Error ? e.message : String(e)})`;
  }
  if (addresses.length === 0) return "the back-channel logout URI's host does not resolve";
  for (const { address } of addresses) {
    const problem = addressProblem(address, false);
    if (problem) return `the back-channel logout URI's host ${problem}`;
  }
  return addresses[0]!;
}

/**
 * RFC 8628 §3.3: the person's side of the device flow. The /o/device page looks up the user code
 * they typed (wrong codes counted per address, §5.1), the consent page shows the request, and the
 * decision is recorded on the row the device is polling. Nothing the browser sends can change
 * the client or widen the scopes: both are read from the stored authorization.
 */
import { acrFor } from '../oidc/amr';
import type { Deps } from '../context';
import { normalizeUserCode, formatUserCode } from '../device/user-code';
import { rateLimited } from '../rate-limit';
import { digest } from '../secrets';
import type { ClientRecord } from '../store';

export interface DeviceRequestView {
  /** As the device shows it: BDWP-HQPK. */
  userCode: string;
  client: ClientRecord;
  scopes: { name: string; description: string }[];
  resources: string[];
}

export type DeviceLookup =
  | { ok: true; view: DeviceRequestView }
  /** malformed: not eight letters of the alphabet; unknown: no pending code (wrong, expired or decided); rate_limited: too many wrong codes. */
  | { ok: false; problem: 'malformed' | 'unknown' | 'rate_limited'; retryAfter?: number };

/** Finds the pending request a typed code names; a wrong code counts against the address. */
export async function lookUpDeviceCode(typed: string, ip: string, deps: Deps): Promise<DeviceLookup> {
  const limits = deps.limits;
  const lockedFor = limits ? await limits.locked('device_user_code_ip', ip) : null;
  if (lockedFor !== null) {
    rateLimited(deps, 'device_user_code_ip', lockedFor);
    return { ok: false, problem: 'rate_limited', retryAfter: lockedFor };
  }
  const code = normalizeUserCode(typed);
  if (!code) return { ok: false, problem: 'malformed' };
  const found = await deps.store.findPendingDeviceAuthorization(digest(code), deps.clock());
  const client = found ? await deps.store.findApplicationByClientId(found.clientId) : null;
  if (!found || !client || client.disabledAt) {
    await limits?.fail('device_user_code_ip', ip);
    return { ok: false, problem: 'unknown' };
  }
  return {
    ok: true,
    view: {
      userCode: formatUserCode(code),
      client,
      scopes: found.scope.split(' ').filter(Boolean).map((name) => ({ name, description: deps.settings.scopes[name] ?? name })),
      resources: found.resources ?? [],
    },
  };
}

export interface DeviceApprover {
  userId: string;
  /** Epoch seconds of the sign-in (the ID token's auth_time). */
  authTime: number;
  /** The browser session it was approved in (user_sessions.id). */
  sessionId?: string | null;
  /** RFC 8176 amr of that sign-in: the device's tokens carry it (and its acr), as a code's do. */
  authMethods?: string[];
}

/**
 * Approves or denies the pending request a code names, for this person. `scopes` may only narrow
 * what was asked (`openid` stays). Null when the code is no longer pending (decided, expired).
 */
export async function decideDeviceAuthorization(
  typed: string,
  user: DeviceApprover,
  decision: { allow: true; scopes?: string[] } | { allow: false },
  deps: Deps,
): Promise<'approved' | 'denied' | null> {
  const code = normalizeUserCode(typed);
  if (!code) return null;
  const now = deps.clock();
  const found = await deps.store.findPendingDeviceAuthorization(digest(code), now);
  const client = found ? await deps.store.findApplicationByClientId(found.clientId) : null;
  if (!found || !client || client.disabledAt) return null;
  const asked = found.scope.split(' ').filter(Boolean);
  const chosen = decision.allow && decision.scopes ? asked.filter((s) => decision.scopes!.includes(s) || s === 'openid') : asked;
  const status = decision.allow && chosen.length > 0 ? 'approved' : 'denied';
  const decided = await deps.store.decideDeviceAuthorization(
    digest(code),
    {
      status,
      userId: user.userId,
      sessionId: user.sessionId ?? null,
      authTime: new Date(user.authTime * 1000),
      scope: chosen.join(' '),
      authMethods: user.authMethods ?? [],
      acr: acrFor(user.authMethods ?? []),
    },
    now,
  );
  if (!decided) return null;
  if (status === 'approved') {
    await deps.store.recordConsent(user.userId, client.id, chosen, now, found.resources ?? []);
    deps.events.emit('app_authorized', { applicationId: client.id, clientId: client.clientId, userId: user.userId, scope: chosen });
  } else {
    deps.events.emit('authorization_denied', { applicationId: client.id, clientId: client.clientId, userId: user.userId, scope: asked });
  }
  return status;
}

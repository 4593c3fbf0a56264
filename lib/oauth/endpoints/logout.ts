/**
 * OpenID Connect RP-Initiated Logout 1.0 at /o/logout (GET and POST).
 * With a valid id_token_hint for the person signed in, the relying party has proved itself, so
 * they are signed out at once; without one, or with a hint about someone else (any ID token
 * would otherwise sign out whoever opens the link: logout CSRF), the browser goes to a
 * confirmation page (§2 "SHOULD ask").
 * post_logout_redirect_uri must be one the application registered, exactly; state is returned.
 */
import { compactVerify, decodeJwt, importJWK, type JWK } from 'jose';
import type { Deps } from '../context';
import { issuerFor } from '../context';
import { OAuthError } from '../errors';
import { buildRedirect, readParams, redirect, type Params } from '../http';
import { leavingRedirect } from '../leaving';
import type { ClientRecord } from '../store';
import { PATHS } from '../paths';

export interface LogoutPlan {
  /** Where to send the browser after signing out (our home page when the RP named none). */
  target: string;
  client: ClientRecord | null;
  /** True when id_token_hint proved the request came from the relying party. */
  verified: boolean;
  /** The hint's `sub`: who the relying party believes is signed in. */
  subject: string | null;
}

async function verifyHint(hint: string, issuer: string, deps: Deps): Promise<{ aud: string; sub: string } | null> {
  if (!deps.keys) return null;
  try {
    // Expired hints are fine (§2: the OP should accept them); the signature and issuer are not negotiable.
    const { keys } = await deps.keys.publicJwks();
    const { kid } = JSON.parse(Buffer.from(hint.split('.')[0]!, 'base64url').toString()) as { kid?: string };
    const jwk = keys.find((k) => k.kid === kid);
    if (!jwk) return null;
    await compactVerify(hint, await importJWK(jwk as JWK, jwk.alg as string));
    const claims = decodeJwt(hint);
    const aud = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
    if (claims.iss !== issuer || !aud || !claims.sub) return null;
    return { aud, sub: claims.sub };
  } catch {
    return null;
  }
}

export async function planLogout(params: Params, issuer: string, deps: Deps): Promise<LogoutPlan> {
  const hint = params.get('id_token_hint');
  const verifiedHint = hint ? await verifyHint(hint, issuer, deps) : null;
  if (hint && !verifiedHint) throw new OAuthError('invalid_request', 'id_token_hint is not an ID token this server issued');
  const clientId = params.get('client_id') ?? verifiedHint?.aud;
  if (verifiedHint && params.get('client_id') && params.get('client_id') !== verifiedHint.aud) {
    throw new OAuthError('invalid_request', 'client_id does not match the id_token_hint audience');
  }
  const client = clientId ? await deps.store.findApplicationByClientId(clientId) : null;
  if (clientId && !client) throw new OAuthError('invalid_client', `no application is registered with client_id "${clientId}"`);
  const uri = params.get('post_logout_redirect_uri');
  let target = '/';
  if (uri !== undefined) {
    if (!client) throw new OAuthError('invalid_request', 'post_logout_redirect_uri needs client_id or id_token_hint to say which application it belongs to');
    if (!client.postLogoutRedirectUris.includes(uri)) {
      throw new OAuthError('invalid_request', `post_logout_redirect_uri "${uri}" is not registered for ${client.name}`);
    }
    target = buildRedirect(uri, { state: params.get('state') }, 'query');
  }
  // Self-registered clients' URIs are not vetted: their logout redirect goes through the interstitial.
  return { target: leavingRedirect(client, target), client, verified: !!verifiedHint, subject: verifiedHint?.sub ?? null };
}

export async function logout(req: Request, deps: Deps): Promise<Response> {
  let params: Params;
  try {
    params = await readParams(req);
  } catch (e) {
    return errorPage(req, deps, e as OAuthError);
  }
  try {
    const plan = await planLogout(params, issuerFor(req, deps.settings), deps);
    if (plan.verified && deps.signOut) {
      const user = await deps.currentUser(req);
      if (!user || user.userId === plan.subject) {
        if (user) await deps.signOut(req);
        return redirect(plan.target, req.method);
      }
    }
    const confirm = new URL(PATHS.logoutConfirm, req.url);
    for (const [k, v] of params) confirm.searchParams.set(k, v);
    return redirect(confirm.pathname + confirm.search, req.method);
  } catch (e) {
    if (e instanceof OAuthError) return errorPage(req, deps, e);
    throw e;
  }
}

function errorPage(req: Request, deps: Deps, e: OAuthError): Response {
  const url = new URL(deps.paths.error, req.url);
  url.searchParams.set('error', e.code);
  url.searchParams.set('error_description', e.description);
  return redirect(url.pathname + url.search, req.method);
}

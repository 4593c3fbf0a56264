/**
 * The toolkit's DPoP check (RFC 9449 §7), called by withOAuth once a token is known to be active:
 * a token sent as `Authorization: DPoP <token>` needs a proof of the key it is bound to (ath, htm,
 * htu, nonce, single-use jti); a DPoP-bound token sent as `Bearer` is refused (§7.2). The rules are
 * the engine's (lib/oauth/dpop/protected-resource.ts), so /o/userinfo and the APIs agree.
 *
 * Replay: proofs' jtis are recorded in the database's used_jtis (shared by every instance) when the
 * toolkit checks tokens locally. A separate resource server in remote mode has no database of ours,
 * so it remembers jtis in memory, per process: run one instance, or accept that a proof could be
 * replayed once at another instance within its five minutes.
 */
import type { JWTPayload } from 'jose';
import { OAuthError } from '@/lib/oauth/errors';
import { checkPresentation, type PresentedToken } from '@/lib/oauth/dpop/protected-resource';
import type { DpopNonces } from '@/lib/oauth/dpop/nonce';
import type { Store } from '@/lib/oauth/store';

export type { PresentedToken } from '@/lib/oauth/dpop/protected-resource';

/** The key a token is bound to: the stored row's, a JWT access token's cnf.jkt (RFC 9449 §6.1), or introspection's (§6.2). */
export function boundKeyOf(source: { record?: { jkt?: string | null }; claims?: JWTPayload; cnf?: unknown }): string | null {
  const cnf = (source.claims?.cnf ?? source.cnf) as { jkt?: unknown } | undefined;
  if (typeof cnf?.jkt === 'string') return cnf.jkt;
  return source.record?.jkt ?? null;
}

type UseJti = Store['useJti'];

/** Per process, for a resource server without our database (remote mode); expired entries are dropped as it goes. */
function memoryJtis(): UseJti {
  const seen = new Map<string, number>();
  return async (key, expiresAt, now) => {
    const t = now.getTime();
    if (seen.size > 10_000) for (const [k, exp] of seen) if (exp <= t) seen.delete(k);
    const exp = seen.get(key);
    if (exp !== undefined && exp > t) return false;
    seen.set(key, expiresAt.getTime());
    return true;
  };
}
const inMemory = memoryJtis();

export interface ToolkitDpop {
  issuer: string;
  now: Date;
  /** The database's replay store when the toolkit has one; otherwise per process. */
  useJti?: UseJti;
  nonces?: DpopNonces;
  /** The API's challenge attributes (RFC 9728 resource_metadata). */
  challenge: Record<string, string>;
}

/** The 401 refusal when the token was presented wrongly for its binding; null when the presentation is good. */
export async function dpopRefusal(req: Request, presented: PresentedToken, boundJkt: string | null, ctx: ToolkitDpop): Promise<OAuthError | null> {
  try {
    await checkPresentation(req, presented, boundJkt, { issuer: ctx.issuer, now: ctx.now, useJti: ctx.useJti ?? inMemory, nonces: ctx.nonces, challenge: ctx.challenge });
    return null;
  } catch (e) {
    if (e instanceof OAuthError) return e;
    throw e;
  }
}

import type { AuthenticatedClient } from '../client-auth';
import type { DpopProof } from '../dpop/proof';
import type { Deps } from '../context';
import type { Params } from '../http';
import type { TokenResponseBody } from '../issue';

/** The client, how it authenticated, and the DPoP proof it sent (RFC 9449 §5; null: none), checked by the token endpoint. */
export interface TokenRequestAuth extends AuthenticatedClient {
  dpop: DpopProof | null;
}

/** One grant type at the token endpoint (RFC 6749 §4, §6). Same shape for each, dispatched by grant_type. */
export interface Grant {
  grantType: string;
  /** Required parameters, checked before the grant runs (missing → invalid_request naming it). */
  parameters: string[];
  handle(params: Params, auth: TokenRequestAuth, deps: Deps, req: Request): Promise<TokenResponseBody>;
}

import type { AuthenticatedClient } from '../client-auth';
import type { Deps } from '../context';
import type { Params } from '../http';
import type { TokenResponseBody } from '../issue';

/** One grant type at the token endpoint (RFC 6749 §4, §6). Same shape for each, dispatched by grant_type. */
export interface Grant {
  grantType: string;
  /** Required parameters, checked before the grant runs (missing → invalid_request naming it). */
  parameters: string[];
  handle(params: Params, auth: AuthenticatedClient, deps: Deps, req: Request): Promise<TokenResponseBody>;
}

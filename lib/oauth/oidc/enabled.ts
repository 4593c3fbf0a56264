/**
 * Whether an application gets ID tokens. "ID token signing: None (OAuth 2.0 only)" (algorithm '')
 * means what it says for applications registered in the dashboard or by the command line, as in
 * DOT, where an application without an algorithm cannot sign ID tokens: `openid` is refused at
 * /o/authorize and no ID token comes from /o/token. Clients that registered themselves (RFC 7591,
 * metadata documents) never chose: OIDC Dynamic Client Registration §2 defaults
 * id_token_signed_response_alg to RS256, so they keep it.
 */
import type { ClientRecord } from '../store';

export function issuesIdTokens(client: Pick<ClientRecord, 'algorithm' | 'registeredVia'>): boolean {
  if (client.algorithm) return true;
  return client.registeredVia === 'dynamic' || client.registeredVia === 'metadata_document';
}

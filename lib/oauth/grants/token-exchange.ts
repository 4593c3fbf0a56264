/**
 * RFC 8693: token exchange. An application that received a person's access token (an MCP server,
 * an agent, an API) trades it for a new one to call the next API on their behalf, never wider
 * than what it holds: the scope stays within the subject token's and the application's allowed
 * scopes (invalid_scope), the audience within the resources this server knows (invalid_target),
 * the lifetime within the subject token's. The new token records who acts (`act`, §4.1, nested
 * for chains) and dies with the token it came from (the store walks the chain on every lookup).
 *
 * Which tokens an application may exchange: those issued to it, and those whose RFC 8707 audience
 * names one of the resource URIs it serves. A token is sent to an API on purpose, and its audience
 * is how the issuer said which API; a token with no audience that belongs to another application
 * was not sent to this one, so it may not be exchanged here (the application would otherwise
 * turn any token it ever saw into one of its own).
 *
 * §2.2.2: a subject or actor token that is invalid, or unacceptable by that policy, is
 * invalid_request, as the RFC requires; invalid_target and invalid_scope as above.
 */
import { issuerFor, type Deps } from '../context';
import { actorFor, chainDepth } from '../delegation';
import { isActive } from '../endpoints/introspect';
import { OAuthError } from '../errors';
import { paramValues, type Params } from '../http';
import { issueTokens } from '../issue';
import { wantsJwt } from '../jwt-access-token';
import { readResources, requireKnownResources } from '../resource-indicators';
import { parseScope } from '../scopes';
import { withinAllowed } from '../client-scopes';
import { digest } from '../secrets';
import type { AccessTokenRecord, ClientRecord } from '../store';
import type { Grant } from './types';

export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';

/** §3: token type identifiers. */
export const TOKEN_TYPES = {
  accessToken: 'urn:ietf:params:oauth:token-type:access_token',
  jwt: 'urn:ietf:params:oauth:token-type:jwt',
} as const;

/** The token types this server takes as subject and actor: its own access tokens (opaque or RFC 9068 JWTs). */
const ACCEPTED_INPUT_TYPES: readonly string[] = [TOKEN_TYPES.accessToken, TOKEN_TYPES.jwt];

/** Delegation chains longer than this are refused: each hop adds an actor, and a loop would never end. */
export const MAX_ACTOR_CHAIN = 8;

/** §2.1 subject_token / actor_token: an active access token this server issued, or invalid_request. */
async function readToken(params: Params, name: 'subject' | 'actor', deps: Deps): Promise<AccessTokenRecord> {
  const type = params.get(`${name}_token_type`);
  if (type === undefined) throw new OAuthError('invalid_request', `missing required parameter '${name}_token_type'`);
  if (!ACCEPTED_INPUT_TYPES.includes(type)) {
    throw new OAuthError('invalid_request', `${name}_token_type '${type}' is not supported: this server exchanges its own access tokens (${TOKEN_TYPES.accessToken})`);
  }
  const token = await deps.store.findAccessToken(digest(params.get(`${name}_token`)!));
  if (!isActive(token, deps.clock())) throw new OAuthError('invalid_request', `the ${name}_token is not an active access token issued by this server`);
  return token;
}

/** The policy above: issued to this application, or meant for a resource it serves. */
function mayExchange(client: ClientRecord, subject: AccessTokenRecord): boolean {
  if (subject.applicationId === client.id) return true;
  const served = client.resources ?? [];
  return !!subject.audience?.some((a) => served.includes(a));
}

/** §2.1 scope: a subset of the subject token's scope that this application may also have. */
function exchangedScope(raw: string | undefined, subject: AccessTokenRecord, client: ClientRecord, deps: Deps): string[] {
  const held = withinAllowed(parseScope(subject.scope), client, deps.settings);
  const requested = parseScope(raw);
  if (requested.length === 0) {
    if (held.length === 0) throw new OAuthError('invalid_scope', 'the subject token carries no scope this application may have');
    return held;
  }
  const wider = requested.filter((s) => !held.includes(s));
  if (wider.length) throw new OAuthError('invalid_scope', `scope exceeds what the subject token and this application allow: ${wider.join(' ')}`);
  return requested;
}

/**
 * §2.1 resource and audience: where the new token may be used. Both name targets this server
 * issues tokens for (resource: RFC 8707 URIs; audience: the same identifiers, as RFC 8693 lets a
 * logical name be); unknown ones are invalid_target. Neither: the token is not restricted, as for
 * every other grant.
 */
async function exchangedAudience(params: Params, issuer: string, deps: Deps): Promise<string[] | null> {
  const targets = [...new Set([...readResources(params), ...paramValues(params, 'audience')])];
  if (targets.length === 0) return null;
  await requireKnownResources(targets, issuer, deps);
  return targets;
}

export const tokenExchange: Grant = {
  grantType: TOKEN_EXCHANGE_GRANT,
  parameters: ['subject_token', 'subject_token_type'],
  async handle(params, { client, dpop }, deps, req) {
    const subject = await readToken(params, 'subject', deps);
    if (!mayExchange(client, subject)) {
      throw new OAuthError('invalid_request', 'the subject_token was neither issued to this application nor meant for a resource it serves');
    }
    if (params.has('actor_token_type') && !params.has('actor_token')) throw new OAuthError('invalid_request', "'actor_token_type' was sent without 'actor_token'");
    const actorToken = params.has('actor_token') ? await readToken(params, 'actor', deps) : null;
    // The actor token says who acts; only the application it was issued to may present it.
    if (actorToken && actorToken.applicationId !== client.id) throw new OAuthError('invalid_request', 'the actor_token was not issued to this application');
    if (chainDepth(subject.actor) >= MAX_ACTOR_CHAIN) throw new OAuthError('invalid_request', `the delegation chain is already ${MAX_ACTOR_CHAIN} actors long`);

    const issuer = issuerFor(req, deps.settings);
    const scope = exchangedScope(params.get('scope'), subject, client, deps);
    const audience = await exchangedAudience(params, issuer, deps);
    const requested = params.get('requested_token_type') ?? TOKEN_TYPES.accessToken;
    if (requested === TOKEN_TYPES.jwt && !(await wantsJwt(client, audience, deps))) {
      throw new OAuthError('invalid_request', `requested_token_type ${TOKEN_TYPES.jwt} needs an application (or resource) set to JWT access tokens`);
    } else if (requested !== TOKEN_TYPES.jwt && requested !== TOKEN_TYPES.accessToken) {
      throw new OAuthError('invalid_request', `requested_token_type '${requested}' is not supported: this server issues ${TOKEN_TYPES.accessToken}`);
    }

    // §4.1: the acting party is the actor token's subject, or this application itself.
    const acting = { sub: actorToken ? (actorToken.userId ?? actorToken.clientId) : client.clientId, clientId: client.clientId };
    const body = await issueTokens(
      {
        client,
        userId: subject.userId,
        scope,
        // §2.2.1 makes a refresh token optional; one would outlive the subject token.
        withRefresh: false,
        audience,
        issuer,
        // RFC 9449: an exchanged token is bound to the key the requesting client proved, like any other it gets.
        dpop,
        actor: actorFor(acting, subject.actor),
        subjectTokenId: subject.id,
        notAfter: subject.expiresAt,
      },
      deps,
    );
    // §2.2.1: issued_token_type is required in the response.
    return { ...body, issued_token_type: requested };
  },
};

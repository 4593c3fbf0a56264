/**
 * Your custom claims (issue 19). Edit this file, or point OAUTH2_CLAIMS_MODULE at a module of
 * your own that exports `extraClaims` (a .mjs/.js path, absolute or relative to the working
 * directory; it is loaded at start and replaces this file's export).
 *
 * `extraClaims({ user, client, scopes, kind })` is called for every ID token, userinfo answer,
 * active introspection answer and JWT access token, with the person (null for a token without
 * one), the application and the granted scopes. Return a plain object of claims; return {} to
 * add none. The engine's own claims cannot be replaced: iss, sub, aud, exp, iat, nonce,
 * client_id and the rest of PROTECTED_CLAIMS (lib/oauth/claims-extension.ts) are dropped from
 * what you return. If it throws or returns a non-object, the request fails with server_error
 * (logged with the request id) and no token is issued.
 *
 * Left undefined (as shipped), nothing is called and no lookup is added to any request.
 *
 * Example: a tenant claim for one application, and a department for tokens with a scope.
 *
 *   export const extraClaims: ExtraClaims = async ({ user, client, scopes, kind }) => ({
 *     ...(client.clientId === 'billing' ? { tenant: 'acme' } : {}),
 *     ...(user && scopes.includes('profile') && kind !== 'access_token' ? { department: lookupDepartment(user.email) } : {}),
 *   });
 */
import type { ExtraClaims } from '@/lib/oauth/claims-extension';

export type { ExtraClaims };

export const extraClaims: ExtraClaims | undefined = undefined;

/**
 * RFC 9068 §4: a resource server verifies a JWT access token itself, against the authorization
 * server's JWKS (fetched once, cached, refetched on an unknown kid at most every 30 seconds by
 * jose), with no call to the authorization server: header typ "at+jwt", signature, iss, exp,
 * aud, and (in withOAuth) the scopes.
 *
 * What a revoked JWT means here: the signature stays valid until exp, so a resource server that
 * only verifies locally accepts a revoked token until it expires (the access token lifetime,
 * OAUTH2_ACCESS_TOKEN_EXPIRE_SECONDS, bounds it). `checkRevocation` adds the introspection call
 * (or, inside this app, the digest lookup) back for APIs that cannot accept that window.
 */
import { createRemoteJWKSet, customFetch, decodeProtectedHeader, errors, jwtVerify, type FetchImplementation, type JWTPayload } from 'jose';
import { PATHS } from '@/lib/oauth/paths';
import { IntrospectionUnavailable } from './remote';

export interface JwtAccessTokenOptions {
  /** The authorization server's issuer: the token's iss must be exactly this. */
  issuer: string;
  /** Where its JWKS is; default `{issuer}/o/.well-known/jwks.json`. */
  jwksUrl?: string;
  /** Also require the token to be active at the authorization server (introspection, or the local lookup): revocation takes effect at once. */
  checkRevocation?: boolean;
  /** Tests route the JWKS fetch to an in-process engine. */
  fetch?: FetchImplementation;
}

/** What local verification learned; the same shape withOAuth builds from introspection. */
export interface VerifiedJwt {
  scope: string;
  clientId: string | null;
  userId: string | null;
  expiresAt: Date;
  audience: string[] | null;
  claims: JWTPayload;
}

export class JwtRejected extends Error {}

/** A JWS in compact form (three base64url parts) whose header says at+jwt or JWT; opaque tokens have no dots. */
export function looksLikeJwt(token: string): boolean {
  if (token.split('.').length !== 3) return false;
  try {
    return typeof decodeProtectedHeader(token).alg === 'string';
  } catch {
    return false;
  }
}

type Verifier = (token: string, now: Date) => Promise<VerifiedJwt>;
const verifiers = new WeakMap<JwtAccessTokenOptions, Verifier>();

/** One JWKS cache per options object (one per process in production). */
export function jwtVerifierFor(options: JwtAccessTokenOptions): Verifier {
  let verify = verifiers.get(options);
  if (!verify) verifiers.set(options, (verify = createJwtVerifier(options)));
  return verify;
}

export function createJwtVerifier(options: JwtAccessTokenOptions): Verifier {
  const jwks = createRemoteJWKSet(new URL(options.jwksUrl ?? `${options.issuer}${PATHS.jwks}`), {
    cooldownDuration: 30_000,
    cacheMaxAge: 10 * 60_000,
    ...(options.fetch ? { [customFetch]: options.fetch } : {}),
  });
  return async (token, now) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, {
        issuer: options.issuer,
        // §4 item 3: application/at+jwt, with or without the prefix (jose compares both spellings).
        typ: 'at+jwt',
        algorithms: ['RS256', 'ES256', 'PS256', 'EdDSA'],
        requiredClaims: ['exp', 'iat', 'sub', 'client_id', 'jti'],
        currentDate: now,
        clockTolerance: 5,
      }));
    } catch (e) {
      throw new JwtRejected(reason(e));
    }
    const aud = payload.aud === undefined ? [] : Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    const clientId = typeof payload.client_id === 'string' ? payload.client_id : null;
    return {
      scope: typeof payload.scope === 'string' ? payload.scope : '',
      clientId,
      // §2.2: sub is the client itself for client credentials.
      userId: payload.sub && payload.sub !== clientId ? payload.sub : null,
      expiresAt: new Date(payload.exp! * 1000),
      // A token issued without a resource has aud = the issuer: the same as an opaque token without an audience.
      audience: aud.length === 0 || (aud.length === 1 && aud[0] === options.issuer) ? null : aud,
      claims: payload,
    };
  };
}

function reason(e: unknown): string {
  if (e instanceof errors.JWTExpired) return 'the access token has expired';
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === 'typ') return 'the token is not a JWT access token (typ must be at+jwt)';
    if (e.claim === 'iss') return 'the access token was issued by another server';
    return `the access token's ${e.claim} claim is not valid`;
  }
  if (e instanceof errors.JWSSignatureVerificationFailed || e instanceof errors.JWKSNoMatchingKey) return 'the access token\'s signature does not verify with the authorization server\'s keys';
  if (e instanceof errors.JWKSTimeout || e instanceof errors.JWKSInvalid) return 'the authorization server\'s keys could not be fetched';
  if (e instanceof errors.JOSEError) return `the access token is not valid (${e.code})`;
  // The JWKS could not be fetched at all: like an unreachable introspection endpoint, fail closed (503).
  throw new IntrospectionUnavailable(`the authorization server's keys could not be fetched (${e instanceof Error ? e.message : 'unknown error'})`);
}

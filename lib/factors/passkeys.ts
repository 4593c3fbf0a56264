/**
 * Passkeys (WebAuthn, issue 22) with @simplewebauthn/server v9: registering one on /account and
 * signing in with one on /login (discoverable credentials, so no email is typed first).
 *
 * The relying party is this server: RP ID = the issuer's host name and origin = the issuer
 * (OAUTH2_ISSUER, or the origin the browser used when it is unset, in development). A passkey
 * made for another site, or asserted from another origin, fails verification.
 *
 * Each ceremony's challenge travels sealed (lib/factors/sealing.ts) with the RP ID and origin it
 * was made for, expires after five minutes, and is spent on first use (used_jtis), so an
 * assertion cannot be replayed.
 */
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/types';
import type { Sealer } from '@/lib/crypto/sealer';
import type { FactorStore } from '@/lib/db/factors';
import { passkeyMethods } from '@/lib/oauth/oidc/amr';

export const PASSKEY_CHALLENGE_SECONDS = 300;
export const PASSKEY_NAME_MAX = 64;

export interface RelyingParty {
  rpID: string;
  origin: string;
  rpName: string;
}

/** The relying party for an issuer URL (OAUTH2_ISSUER, or the request's origin in development). */
export function relyingPartyFor(issuer: string, rpName: string): RelyingParty {
  const url = new URL(issuer);
  return { rpID: url.hostname, origin: url.origin, rpName };
}

interface Ceremony {
  use: 'passkey-register' | 'passkey-sign-in';
  challenge: string;
  rpID: string;
  origin: string;
  /** Registration: the user it is for. */
  uid?: string;
  exp: number;
}

type Store = Pick<FactorStore, 'listPasskeys' | 'addPasskey' | 'findPasskeyByCredentialId' | 'recordPasskeyUse' | 'spendOnce'>;

export interface PasskeyDeps {
  store: Store;
  sealer: Sealer;
  now: Date;
}

const nowSec = (d: Date) => Math.floor(d.getTime() / 1000);

function openCeremony(deps: PasskeyDeps, token: unknown, use: Ceremony['use']): Ceremony | null {
  if (typeof token !== 'string' || token.length > 2048) return null;
  try {
    const c = deps.sealer.unseal<Ceremony>(token);
    return c.use === use && c.exp > nowSec(deps.now) ? c : null;
  } catch {
    return null;
  }
}

/** Spends the ceremony's challenge: true the first time only. */
const spend = (deps: PasskeyDeps, c: Ceremony) => deps.store.spendOnce(`webauthn:${c.challenge}`, new Date(c.exp * 1000), deps.now);

/** Options for navigator.credentials.create, and the sealed ceremony to send back with the result. */
export async function registrationOptions(deps: PasskeyDeps, rp: RelyingParty, user: { id: string; email: string; name: string | null }) {
  const existing = await deps.store.listPasskeys(user.id);
  const options = await generateRegistrationOptions({
    rpName: rp.rpName,
    rpID: rp.rpID,
    userID: user.id,
    userName: user.email,
    userDisplayName: user.name ?? user.email,
    attestationType: 'none',
    // Discoverable (a passkey), verified by PIN or biometrics: a full sign-in on its own.
    authenticatorSelection: { residentKey: 'required', requireResidentKey: true, userVerification: 'required' },
    excludeCredentials: existing.map((p) => ({ id: Buffer.from(p.credentialId, 'base64url'), type: 'public-key' as const })),
    timeout: PASSKEY_CHALLENGE_SECONDS * 1000,
  });
  const ceremony: Ceremony = { use: 'passkey-register', challenge: options.challenge, rpID: rp.rpID, origin: rp.origin, uid: user.id, exp: nowSec(deps.now) + PASSKEY_CHALLENGE_SECONDS };
  return { options, ceremony: deps.sealer.seal(ceremony) };
}

/** `reason` names the refusal so the page can say it in its language (`message` is the English). */
export type AddPasskeyResult = { ok: true } | { ok: false; reason: 'expired' | 'unverified' | 'duplicate'; message: string };

/** Verifies navigator.credentials.create's result and stores the passkey under `name`. */
export async function addPasskey(deps: PasskeyDeps, userId: string, name: string, ceremonyToken: unknown, response: unknown): Promise<AddPasskeyResult> {
  const c = openCeremony(deps, ceremonyToken, 'passkey-register');
  if (!c || c.uid !== userId || !(await spend(deps, c))) return { ok: false, reason: 'expired', message: 'That took too long. Try adding the passkey again.' };
  let verified;
  try {
    verified = await verifyRegistrationResponse({
      response: response as RegistrationResponseJSON,
      expectedChallenge: c.challenge,
      expectedOrigin: c.origin,
      expectedRPID: c.rpID,
      requireUserVerification: true,
    });
  } catch {
    verified = null;
  }
  const info = verified?.verified ? verified.registrationInfo : undefined;
  if (!info) return { ok: false, reason: 'unverified', message: 'The passkey could not be verified. Try again, or use another device.' };
  const added = await deps.store.addPasskey(
    {
      userId,
      credentialId: Buffer.from(info.credentialID).toString('base64url'),
      publicKey: Buffer.from(info.credentialPublicKey).toString('base64url'),
      counter: info.counter,
      transports: (response as RegistrationResponseJSON).response?.transports ?? [],
      deviceType: info.credentialDeviceType,
      backedUp: info.credentialBackedUp,
      name,
    },
    deps.now,
  );
  return added ? { ok: true } : { ok: false, reason: 'duplicate', message: 'This passkey is already registered.' };
}

/** Options for navigator.credentials.get with no allowCredentials (discoverable: the browser lists them). */
export async function signInOptions(deps: PasskeyDeps, rp: RelyingParty) {
  const options = await generateAuthenticationOptions({ rpID: rp.rpID, userVerification: 'required', timeout: PASSKEY_CHALLENGE_SECONDS * 1000 });
  const ceremony: Ceremony = { use: 'passkey-sign-in', challenge: options.challenge, rpID: rp.rpID, origin: rp.origin, exp: nowSec(deps.now) + PASSKEY_CHALLENGE_SECONDS };
  return { options, ceremony: deps.sealer.seal(ceremony) };
}

export type PasskeySignInResult =
  | { outcome: 'signed_in'; userId: string; passkeyId: string; authMethods: string[] }
  | { outcome: 'expired' }
  /** Unknown (e.g. removed) credential, or a signature that does not verify. */
  | { outcome: 'refused' };

/** Verifies navigator.credentials.get's result against the stored passkey it names. */
export async function verifyPasskeySignIn(deps: PasskeyDeps, ceremonyToken: unknown, response: unknown): Promise<PasskeySignInResult> {
  const c = openCeremony(deps, ceremonyToken, 'passkey-sign-in');
  if (!c || !(await spend(deps, c))) return { outcome: 'expired' };
  const assertion = response as AuthenticationResponseJSON;
  if (typeof assertion?.id !== 'string') return { outcome: 'refused' };
  const passkey = await deps.store.findPasskeyByCredentialId(assertion.id);
  if (!passkey) return { outcome: 'refused' };
  let verified;
  try {
    verified = await verifyAuthenticationResponse({
      response: assertion,
      expectedChallenge: c.challenge,
      expectedOrigin: c.origin,
      expectedRPID: c.rpID,
      requireUserVerification: true,
      authenticator: {
        credentialID: Buffer.from(passkey.credentialId, 'base64url'),
        credentialPublicKey: Buffer.from(passkey.publicKey, 'base64url'),
        counter: passkey.counter,
      },
    });
  } catch {
    verified = null; // a counter that went backwards (a cloned key) lands here too
  }
  if (!verified?.verified) return { outcome: 'refused' };
  const info = verified.authenticationInfo;
  await deps.store.recordPasskeyUse(passkey.id, info.newCounter, deps.now);
  return { outcome: 'signed_in', userId: passkey.userId, passkeyId: passkey.id, authMethods: passkeyMethods(info.credentialDeviceType, info.userVerified) };
}

/**
 * What a deployment must be told, as opposed to the local `npm start`:
 *
 * - The issuer. Without OAUTH2_ISSUER the server derives it from each request's Host header,
 *   which is right for a laptop and wrong behind a cache or a proxy that passes Host through (a
 *   poisoned Host would end up in cached metadata and in tokens). So it is required in
 *   production, which here means: DATABASE_URL is set, or OAUTH2_REQUIRE_ISSUER=on (the Docker
 *   image sets it, as it may run on the embedded database).
 * - The demo users (alice and bob, passwords in the README). They are for the one-command local
 *   instance only: created on the embedded database unless OAUTH2_DEMO_USERS=off (the Docker
 *   image sets it), never when OAUTH2_ISSUER names a non-loopback origin.
 */
import { bool, SettingsError, type Env } from '@/lib/config/env';
import { LOOPBACK_HOSTS } from '@/lib/oauth/redirect-uri';

/** True when OAUTH2_ISSUER is unset or names this machine (localhost, 127.0.0.1, [::1]). */
export function issuerIsLocal(env: Env): boolean {
  const issuer = env.OAUTH2_ISSUER?.trim();
  if (!issuer) return true;
  try {
    return LOOPBACK_HOSTS.has(new URL(issuer).hostname);
  } catch {
    return false; // lib/config/settings.ts reports the bad value
  }
}

/** Stops the server (one line naming OAUTH2_ISSUER) when production runs without an issuer. */
export function checkIssuerRequired(env: Env): void {
  const required = bool(env, 'OAUTH2_REQUIRE_ISSUER', Boolean(env.DATABASE_URL));
  if (!required || env.OAUTH2_ISSUER?.trim()) return;
  const why = env.DATABASE_URL ? 'DATABASE_URL is set' : 'OAUTH2_REQUIRE_ISSUER is on';
  throw new SettingsError(`OAUTH2_ISSUER: required in production (${why}); set it to this server's public https origin, e.g. https://auth.example.com`);
}

/** Whether the server creates the demo users at start (`embedded`: on the embedded database). */
export function demoUsersWanted(env: Env, embedded: boolean): boolean {
  const raw = env.OAUTH2_DEMO_USERS?.trim().toLowerCase();
  if (raw && !['on', 'off'].includes(raw)) throw new SettingsError(`OAUTH2_DEMO_USERS: expected on or off, got "${env.OAUTH2_DEMO_USERS}"`);
  if (raw === 'off') return false;
  if (!issuerIsLocal(env)) {
    if (raw === 'on') throw new SettingsError('OAUTH2_DEMO_USERS: on is refused with a public OAUTH2_ISSUER (the demo passwords are published)');
    return false;
  }
  return raw === 'on' || embedded;
}

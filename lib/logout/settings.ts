/**
 * OAUTH2_LOGOUT_REVOKES_TOKENS (default on): signing out revokes the access and refresh tokens
 * issued in that browser session (DOT 2.3's behaviour), except grants with offline_access, which
 * are meant to outlive the sign-in.
 */
import { bool, type Env } from '@/lib/config/env';

export interface LogoutSettings {
  revokesTokens: boolean;
}

export function parseLogoutSettings(env: Env): LogoutSettings {
  return { revokesTokens: bool(env, 'OAUTH2_LOGOUT_REVOKES_TOKENS', true) };
}

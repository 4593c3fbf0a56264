/**
 * The database, in one place. TS keys camelCase, SQL names snake_case; tables plural.
 * Secrets and tokens are stored only as SHA-256 digests (base64url); plaintext never lands here.
 * Every lookup the protocol's hot path makes has an index (unique digest or client_id).
 */
// One file per concept; this index is what drizzle-kit and the query modules import.
export * from './accounts';
export * from './clients';
export * from './tokens';
export * from './server';
export * from './protocol';
export * from './factors';

import type { users, userSessions, accountTokens, auditEvents } from './accounts';
import type { applications, initialAccessTokens } from './clients';
import type { authorizationCodes, accessTokens, refreshTokens, pendingAuthorizations, consents } from './tokens';
import type { signingKeys } from './server';
import type { deviceAuthorizations, pushedAuthorizationRequests } from './protocol';
import type { passkeys, totpFactors, recoveryCodes } from './factors';

export type User = typeof users.$inferSelect;
export type Application = typeof applications.$inferSelect;
export type AuthorizationCode = typeof authorizationCodes.$inferSelect;
export type AccessToken = typeof accessTokens.$inferSelect;
export type RefreshToken = typeof refreshTokens.$inferSelect;
export type PendingAuthorization = typeof pendingAuthorizations.$inferSelect;
export type Consent = typeof consents.$inferSelect;
export type SigningKey = typeof signingKeys.$inferSelect;
export type InitialAccessToken = typeof initialAccessTokens.$inferSelect;
export type UserSession = typeof userSessions.$inferSelect;
export type AccountToken = typeof accountTokens.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;

export type DeviceAuthorization = typeof deviceAuthorizations.$inferSelect;
export type PushedAuthorizationRequest = typeof pushedAuthorizationRequests.$inferSelect;
export type Passkey = typeof passkeys.$inferSelect;
export type TotpFactor = typeof totpFactors.$inferSelect;
export type RecoveryCode = typeof recoveryCodes.$inferSelect;

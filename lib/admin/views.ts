/** What the console's components show (plain props; components never import lib/db, not even its types). */
export interface UserView {
  id: string;
  email: string;
  name: string | null;
  emailVerified: boolean;
  operator: boolean;
  disabledAt: Date | null;
  createdAt: Date;
  /** Operator-managed role names (issue 19). */
  roles: string[];
}

export interface ApplicationView {
  id: string;
  clientId: string;
  name: string;
  clientType: 'confidential' | 'public';
  grantTypes: string[];
  registeredVia: 'dashboard' | 'dynamic' | 'metadata_document';
  ownerId: string | null;
  ownerEmail: string | null;
  disabledAt: Date | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export interface AuditEventView {
  id: number;
  at: Date;
  type: string;
  actorType: 'user' | 'application' | 'operator' | 'system';
  actorId: string | null;
  actorLabel: string | null;
  userId: string | null;
  clientId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  detail: unknown;
}

/** What the console's Tokens page shows of one access or refresh token (never its value: only its digest is stored). */
export interface TokenView {
  kind: 'access' | 'refresh';
  id: number;
  applicationId: string;
  clientId: string;
  applicationName: string;
  /** Null for client_credentials tokens. */
  userId: string | null;
  userEmail: string | null;
  scope: string;
  createdAt: Date;
  /** Null: a refresh token that never expires (no OAUTH2_REFRESH_TOKEN_EXPIRE_SECONDS nor per-application lifetime). */
  expiresAt: Date | null;
  /** `rotated`: a refresh token exchanged for the next one of its chain. */
  status: 'active' | 'revoked' | 'expired' | 'rotated';
}

/** The Tokens page's status filter ('any' shows every token). */
export const TOKEN_STATUSES = ['any', 'active', 'revoked', 'expired'] as const;
export type TokenStatusFilter = (typeof TOKEN_STATUSES)[number];

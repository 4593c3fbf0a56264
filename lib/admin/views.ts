/** What the console's components show (plain props; components never import lib/db, not even its types). */
export interface UserView {
  id: string;
  email: string;
  name: string | null;
  emailVerified: boolean;
  operator: boolean;
  disabledAt: Date | null;
  createdAt: Date;
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

/** RFC 8628: what the engine asks of storage for device authorizations (lib/db/device-authorizations.ts). */

export interface NewDeviceAuthorization {
  deviceCodeDigest: string;
  userCodeDigest: string;
  applicationId: string;
  scope: string;
  /** RFC 8707: the resources the request named; null = not restricted. */
  resources: string[] | null;
  interval: number;
  expiresAt: Date;
  createdAt: Date;
}

export interface DeviceAuthorizationRecord {
  id: number;
  applicationId: string;
  scope: string;
  resources: string[] | null;
  status: 'pending' | 'approved' | 'denied';
  userId: string | null;
  sessionId: string | null;
  authTime: Date | null;
  authMethods: string[] | null;
  acr: string | null;
  interval: number;
  expiresAt: Date;
  consumedAt: Date | null;
}

/** One poll as the store recorded it: `tooFast` when it came sooner than the interval allowed (the interval is then already 5 s longer). */
export interface DevicePoll {
  record: DeviceAuthorizationRecord;
  tooFast: boolean;
}

/** The person's decision at /o/device, with who made it and in which browser session. */
export interface DeviceDecision {
  status: 'approved' | 'denied';
  userId: string;
  sessionId: string | null;
  authTime: Date;
  /** The scopes the person left ticked (a subset of those asked for). */
  scope: string;
  authMethods?: string[] | null;
  acr?: string | null;
}

export interface DeviceAuthorizationStore {
  /** False when the user code's digest is taken (a collision: the caller draws another). */
  createDeviceAuthorization(d: NewDeviceAuthorization): Promise<boolean>;
  /**
   * §3.4-3.5: records one poll of this client's device code, under the row's lock: a pending one
   * polled sooner than its interval gets 5 s more, kept for every later poll. Null: unknown, or another client's.
   */
  pollDeviceAuthorization(deviceCodeDigest: string, applicationId: string, now: Date): Promise<DevicePoll | null>;
  /** Marks an approved authorization redeemed; false when another poll got there first (one UPDATE … WHERE consumed_at IS NULL). */
  consumeDeviceAuthorization(id: number, now: Date): Promise<boolean>;
  /** A pending, unexpired authorization by its user code's digest (what /o/device shows). */
  findPendingDeviceAuthorization(userCodeDigest: string, now: Date): Promise<(DeviceAuthorizationRecord & { clientId: string }) | null>;
  /** Records the decision on a pending, unexpired authorization; null when it is not (any more). */
  decideDeviceAuthorization(userCodeDigest: string, decision: DeviceDecision, now: Date): Promise<DeviceAuthorizationRecord | null>;
}

/** RFC 9126: what the engine asks of storage for pushed authorization requests (lib/db/pushed-requests.ts). */
import type { AuthorizationRequest } from '../store';

export interface PushedRequestStore {
  createPushedRequest(p: { requestUriDigest: string; applicationId: string; request: AuthorizationRequest; expiresAt: Date; createdAt: Date }): Promise<void>;
  /**
   * Single use and bound to the client: marks the request used (one UPDATE … WHERE consumed_at IS
   * NULL) and returns it; null when unknown, another client's, expired or already used.
   */
  consumePushedRequest(requestUriDigest: string, applicationId: string, now: Date): Promise<AuthorizationRequest | null>;
}

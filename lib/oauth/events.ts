/**
 * Signals, as DOT's and Authlib's: code can subscribe to what the server does.
 * A listener that throws (or rejects) is logged and never breaks the request.
 */
export interface OAuthEvents {
  app_authorized: { applicationId: string; clientId: string; userId: string; scope: string[] };
  /**
   * Tokens revoked: by the client (RFC 7009), or by reuse detection, which revokes every token of
   * the grant (`reason`: a replayed code, RFC 6749 §4.1.2; a reused refresh token, RFC 9700 §4.14.2).
   */
  token_revoked: {
    applicationId: string;
    clientId: string;
    tokenType: 'access_token' | 'refresh_token';
    reason?: 'code_replay' | 'refresh_reuse';
    /** The user the token was issued for (null: client credentials; absent: not known to the emitter). */
    userId?: string | null;
    /**
     * Set when the app (not the engine) revoked: a person in the dashboard, an operator, a
     * deletion. Those revocations are also announced once as `grant_revoked`.
     */
    source?: 'user' | 'operator' | 'deletion';
  };
  /** One revocation act outside the engine, with its counts (the audit trail records it once, not per token). */
  grant_revoked: {
    applicationId: string;
    clientId: string;
    userId: string | null;
    source: 'user' | 'operator' | 'deletion';
    /** Why access ended, when it was a side effect (lib/accounts/end-access.ts): a new password, a disabled or deleted account. */
    reason?: 'password_change' | 'password_reset' | 'account_disabled' | 'account_deleted' | 'logout';
    accessTokens: number;
    refreshTokens: number;
  };
  /** The user refused the consent page (RFC 6749 §4.1.2.1 access_denied). */
  authorization_denied: { applicationId: string; clientId: string; userId: string; scope: string[] };
  client_authenticated: { applicationId: string; clientId: string; method: string };
  /**
   * A bearer access token was accepted: userinfo, bearer-authenticated introspection, this app's
   * protected APIs. The application is null when a remote resource server checked it by introspection.
   */
  token_authenticated: { applicationId: string | null; clientId: string | null; userId: string | null; scope: string[] };
  /** A token-endpoint success (metrics count them per grant type). */
  token_issued: { applicationId: string; clientId: string; grantType: string };
  /** Credentials that did not authenticate: an unknown client, a wrong secret, or a confidential client without one. */
  client_auth_failed: { clientId: string; method: string };
  /** A client registered itself: RFC 7591 dynamic registration, or a client ID metadata document seen for the first time. */
  client_registered: { applicationId: string; clientId: string; via: 'dynamic' | 'metadata_document' };
  /** A request refused by a rate limit (the limit's name, e.g. token_client). */
  rate_limited: { limit: string };
}

type Listener<E extends keyof OAuthEvents> = (payload: OAuthEvents[E]) => void | Promise<void>;

export class EventBus {
  private listeners: { [E in keyof OAuthEvents]?: Listener<E>[] } = {};

  on<E extends keyof OAuthEvents>(event: E, listener: Listener<E>): () => void {
    const list = (this.listeners[event] ??= []) as Listener<E>[];
    list.push(listener);
    return () => list.splice(list.indexOf(listener), 1);
  }

  emit<E extends keyof OAuthEvents>(event: E, payload: OAuthEvents[E]): void {
    const list = this.listeners[event] as Listener<E>[] | undefined;
    if (!list?.length) return; // the common case costs nothing
    for (const listener of list) {
      try {
        const result = listener(payload);
        if (result instanceof Promise) result.catch((e: unknown) => report(event, e));
      } catch (e) {
        report(event, e);
      }
    }
  }
}

function report(event: string, e: unknown) {
  console.error(`oauth: a ${event} listener failed:`, e instanceof Error ? e.message : e);
}

/**
 * Ending a person's access: their browser sessions (all, or all but the current one) and,
 * unless kept, the tokens of every application they authorized (refresh and access tokens).
 * Used by password reset and change, account deletion, and an operator disabling a user.
 *
 * STUB (contract between helpers, issue 17): the sessions helper replaces the body.
 */
export interface EndAccessOptions {
  /** The session that made the change stays signed in (user_sessions.id). */
  exceptSessionId?: string;
  /** Keep applications' tokens (the "keep apps signed in" choice). */
  keepTokens?: boolean;
}

export async function endUserAccess(userId: string, options: EndAccessOptions = {}): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  void userId;
  void options;
  return { sessionsEnded: 0, tokensRevoked: 0 };
}

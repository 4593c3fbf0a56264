/**
 * What an operator action needs, the same for the console (the server's database, the signed-in
 * operator, endUserAccess) and the command line (the database it opened, "the command line").
 */
import type { EndAccessOptions } from '@/lib/accounts/end-access';
import type { Db } from '@/lib/db/types';
import type { EventBus } from '@/lib/oauth/events';

export interface OperatorContext {
  db: Db;
  /** Who acts: the signed-in operator (id and email), or the command line (no id). */
  actor: { id: string | null; label: string };
  /** Ends the user's sessions and (unless kept) tokens: lib/accounts/end-access.ts in the server. */
  endAccess(userId: string, options: EndAccessOptions): Promise<{ sessionsEnded: number; tokensRevoked: number }>;
  /** Where token_revoked / grant_revoked go (metrics; the audit rows are written here directly). */
  events?: EventBus;
  now?: () => Date;
  /** OAUTH2_OPERATOR_EMAILS (lowercased), for the last-operator check. */
  operatorEmails: readonly string[];
}

/** Why an action was refused: the console shows a message per code (never text from a URL), the CLI the reason. */
export type RefusalCode = 'not_found' | 'self' | 'last_operator' | 'confirm' | 'no_account' | 'user_disabled' | 'not_active' | 'invalid_roles';

export type ActionResult<T = undefined> = { ok: true; value: T } | { ok: false; code: RefusalCode; reason: string };

export const ok = <T>(value: T): ActionResult<T> => ({ ok: true, value });
export const refused = (code: RefusalCode, reason: string): ActionResult<never> => ({ ok: false, code, reason });

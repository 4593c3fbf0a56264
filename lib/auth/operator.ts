/**
 * Who is an operator of this server: an account with the operator role (users.operator, set by
 * `manage createuser --operator` or `manage setoperator`), or one whose email is listed in
 * OAUTH2_OPERATOR_EMAILS and verified. A listed address alone is not enough: password sign-up
 * creates accounts with any address, unverified, so anyone could sign up as the operator's
 * address first. A disabled account is no operator (currentUser() is null for it).
 */
import { getSettings } from '@/lib/config/settings';

export interface OperatorCandidate {
  email: string;
  emailVerified: boolean;
  /** The role column; absent = not set. */
  operator?: boolean;
  disabledAt?: Date | null;
}

/** True when `user` is an operator; `operatorEmails` defaults to the setting (lowercased). */
export function isOperator(user: OperatorCandidate | null | undefined, operatorEmails: readonly string[] = getSettings().clients.operatorEmails): boolean {
  if (!user || user.disabledAt) return false;
  if (user.operator) return true;
  if (!user.emailVerified) return false;
  return operatorEmails.includes(user.email.trim().toLowerCase());
}

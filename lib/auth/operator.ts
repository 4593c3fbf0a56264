/**
 * Who is an operator of this server: an account whose email is listed in OAUTH2_OPERATOR_EMAILS
 * and verified. A listed address alone is not enough: password sign-up creates accounts with
 * any address, unverified, so anyone could sign up as the operator's address first.
 */
import { getSettings } from '@/lib/config/settings';

export interface OperatorCandidate {
  email: string;
  emailVerified: boolean;
}

/** True when `user` is an operator; `operatorEmails` defaults to the setting (lowercased). */
export function isOperator(user: OperatorCandidate | null | undefined, operatorEmails: readonly string[] = getSettings().clients.operatorEmails): boolean {
  if (!user?.emailVerified) return false;
  return operatorEmails.includes(user.email.trim().toLowerCase());
}

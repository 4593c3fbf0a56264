/**
 * Sign-in and sign-out in the audit trail, and what a disabled account is told. Auth.js
 * calls these from lib/auth/config.ts: the password check's outcome (authorize), social sign-in,
 * and its `events.signOut`.
 */
import { recordAudit } from '@/lib/audit';
import type { PasswordSignInResult } from './password-sign-in';

export const ACCOUNT_DISABLED_MESSAGE = 'This account has been disabled. Contact the operator of this server.';

export async function auditPasswordSignIn(email: string, result: PasswordSignInResult): Promise<void> {
  const account = email.trim().toLowerCase();
  if (result.outcome === 'signed_in') {
    await recordAudit({ type: 'sign_in.succeeded', actor: { type: 'user', id: result.user.id, label: result.user.email }, userId: result.user.id, detail: { method: 'password' } });
  } else if (result.outcome === 'disabled') {
    await recordAudit({ type: 'sign_in.failed', actor: { type: 'user', id: result.user.id, label: result.user.email }, userId: result.user.id, detail: { method: 'password', reason: 'disabled' } });
  } else {
    // The address typed is the label. When the account exists its owner sees the attempt in
    // their activity (only they and operators can read it, so it tells no one else it exists).
    const userId = result.outcome === 'wrong_credentials' ? (result.userId ?? null) : null;
    await recordAudit({ type: 'sign_in.failed', actor: { type: 'user', id: userId, label: account.slice(0, 320) }, userId, detail: { method: 'password', reason: result.outcome } });
  }
}

export async function auditSocialSignIn(user: { id: string; email: string }, provider: string): Promise<void> {
  await recordAudit({ type: 'sign_in.succeeded', actor: { type: 'user', id: user.id, label: user.email }, userId: user.id, detail: { method: provider } });
}

/** Auth.js `events.signOut`: the JWT strategy passes the token that is being cleared. */
export async function auditSignOut(message: { token?: { uid?: unknown; email?: unknown } | null } | { session?: unknown }): Promise<void> {
  const token = 'token' in message ? message.token : null;
  const uid = typeof token?.uid === 'string' ? token.uid : null;
  if (!uid) return;
  await recordAudit({ type: 'sign_out', actor: { type: 'user', id: uid, label: typeof token?.email === 'string' ? token.email : null }, userId: uid });
}

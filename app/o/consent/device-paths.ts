import { PATHS } from '@/lib/oauth/paths';

/** The consent page for a device's request (RFC 8628 §3.3), by its user code. */
export function deviceConsentPath(userCode: string): string {
  return `${PATHS.consent}?${new URLSearchParams({ user_code: userCode })}`;
}

/** What the consent form's CSRF token signs for a device request: never the same as a pending request id. */
export function deviceCsrfSubject(userCode: string): string {
  return `device:${userCode}`;
}

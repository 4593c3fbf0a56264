/**
 * The origin links in mail point at. OAUTH2_ISSUER when set (required in production). Without
 * it, the request's own origin only when that is a loopback address: the Host header is the
 * client's word, and a reset link built from `Host: evil.example` would hand the victim's token
 * to whoever sent it (password reset poisoning). Any other host gets http://localhost:$PORT.
 */
import { getSettings } from '@/lib/config/settings';
import { listenPort } from '@/lib/config/process-env';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** For the command line, and the fallback: OAUTH2_ISSUER, else the local instance's address. */
export function commandLineBaseUrl(): string {
  return getSettings().issuer ?? `http://localhost:${listenPort()}`;
}

/** Only trusts `origin` (from the request) when it is loopback; see above. */
export function mailBaseUrl(origin: string | null): string {
  const issuer = getSettings().issuer;
  if (issuer) return issuer;
  try {
    if (origin && LOOPBACK.has(new URL(origin).hostname)) return new URL(origin).origin;
  } catch {
    /* not a URL: the fallback */
  }
  return commandLineBaseUrl();
}

/** In a page or server action: the base URL for links in mail. */
export async function requestMailBaseUrl(): Promise<string> {
  const { currentIssuer } = await import('@/lib/config/issuer');
  return mailBaseUrl(await currentIssuer().catch(() => null));
}

/**
 * The issuer for pages and server actions, which have no Request: OAUTH2_ISSUER, or (in
 * development) the origin the browser used, as lib/oauth/context.ts `issuerFor` derives it in
 * route handlers.
 */
import { headers } from 'next/headers';
import { getSettings } from '@/lib/config/settings';

export async function currentIssuer(): Promise<string> {
  const settings = getSettings();
  if (settings.issuer) return settings.issuer;
  const h = await headers();
  return `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host') ?? 'localhost:3000'}`;
}

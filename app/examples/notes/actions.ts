'use server';
/**
 * The imperative check from a server action: an access token pasted into the page's form is
 * verified with verifyAccessToken, exactly as /api/notes would check it for a GET (the read scope,
 * meant for this app's APIs). The answer is what the action's caller sees, not an HTTP response.
 */
import { getSettings } from '@/lib/config/settings';
import { AccessError } from '@/lib/resource-server/access-error';
import { EXAMPLE_APIS_RESOURCE } from '@/lib/resource-server/example-apis';
import { actionRequest } from '@/lib/resource-server/server-action';
import { verifyAccessToken } from '@/lib/resource-server/with-oauth';

export type TokenCheck =
  | { ok: true; clientId: string | null; scope: string; user: string | null; expiresAt: string }
  | { ok: false; error: string; description: string }
  | null;

export async function checkAccessToken(_prev: TokenCheck, formData: FormData): Promise<TokenCheck> {
  const token = String(formData.get('token') ?? '').trim();
  if (!token) return { ok: false, error: 'invalid_request', description: 'Paste an access token to check.' };
  try {
    const info = await verifyAccessToken(await actionRequest({ token }), { scopes: [getSettings().readScope], resource: EXAMPLE_APIS_RESOURCE });
    return { ok: true, clientId: info.clientId, scope: info.scope, user: info.username, expiresAt: info.expiresAt.toISOString() };
  } catch (e) {
    if (e instanceof AccessError) return { ok: false, error: e.code ?? 'invalid_request', description: e.description };
    throw e;
  }
}

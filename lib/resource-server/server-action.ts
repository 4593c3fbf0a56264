/**
 * verifyAccessToken and verifyClient take a Web Request; a server action (or a server component)
 * has none, only the incoming headers. This builds the request the action is answering: this
 * origin (Host, X-Forwarded-Proto), the action's method (POST) and its headers, without the body
 * (the action already received its arguments). A token that came as an argument or a form field
 * instead of the Authorization header goes in `token`.
 *
 *   'use server';
 *   export async function saveNote(formData: FormData) {
 *     const token = await verifyAccessToken(await actionRequest({ token: String(formData.get('token')) }), { scopes: ['write'] });
 *     …
 *   }
 */
import { headers } from 'next/headers';

export async function actionRequest(opts: { token?: string; method?: string } = {}): Promise<Request> {
  const incoming = await headers();
  const forwarded = new Headers(incoming);
  // The body is not carried: a form body's access_token would otherwise be looked for in an empty body.
  forwarded.delete('content-type');
  forwarded.delete('content-length');
  if (opts.token !== undefined) forwarded.set('authorization', `Bearer ${opts.token.trim()}`);
  const proto = incoming.get('x-forwarded-proto')?.split(',')[0]?.trim() || 'http';
  let url: URL;
  try {
    url = new URL(`${proto === 'https' ? 'https' : 'http'}://${incoming.get('host') ?? 'localhost'}/`);
  } catch {
    url = new URL('http://localhost/'); // a Host no URL can hold: the issuer setting still decides the audience
  }
  return new Request(url, { method: opts.method ?? 'POST', headers: forwarded });
}

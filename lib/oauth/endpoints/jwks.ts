/** RFC 7517 §5: the JWK Set with the public signing keys (active, and retired ones still in their grace period). */
import type { Deps } from '../context';
import { withPublicCors } from '../cors';
import { json } from '../http';

export async function jwks(_req: Request, deps: Deps): Promise<Response> {
  if (!deps.keys) return json({ keys: [] });
  // Short cache: after `rotatekeys`, relying parties see the new key within a minute.
  return withPublicCors(json(await deps.keys.publicJwks(), 200, { 'Cache-Control': 'public, max-age=60' }));
}

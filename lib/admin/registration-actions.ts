/** Initial access tokens (RFC 7591 §3) and signing keys, as the console creates, revokes and rotates them; audited. */
import { issueInitialAccessToken } from '@/lib/agents/initial-access-tokens';
import { recordAudit } from '@/lib/audit';
import { getSettings } from '@/lib/config/settings';
import { revokeInitialAccessToken } from '@/lib/db/admin-registration';
import { createApplicationStore } from '@/lib/db/applications';
import { KeyRing } from '@/lib/oauth/oidc/keys';
import type { OperatorContext } from './context';

const actor = (ctx: OperatorContext) => ({ type: 'operator' as const, id: ctx.actor.id, label: ctx.actor.label });

export interface NewInitialAccessToken {
  description: string;
  expiresInDays: number | null;
  maxUses: number | null;
}

/** The token is returned once, to be shown once; only its digest is stored. */
export async function createInitialAccessToken(ctx: OperatorContext, input: NewInitialAccessToken) {
  const created = await issueInitialAccessToken(createApplicationStore(ctx.db), {
    description: input.description,
    expiresInSeconds: input.expiresInDays ? input.expiresInDays * 86_400 : null,
    maxUses: input.maxUses,
  });
  await recordAudit({ type: 'initial_access_token.created', actor: actor(ctx), detail: { id: created.id, description: input.description } });
  return created;
}

export async function revokeInitialAccessTokenAsOperator(ctx: OperatorContext, id: string): Promise<boolean> {
  const done = await revokeInitialAccessToken(ctx.db, id, new Date());
  if (done) await recordAudit({ type: 'initial_access_token.revoked', actor: actor(ctx), detail: { id } });
  return done;
}

/** What `manage rotatekeys` does: a new key per algorithm; the old ones stay published for the grace period. */
export async function rotateSigningKeys(ctx: OperatorContext, store: ConstructorParameters<typeof KeyRing>[0]): Promise<string[]> {
  const grace = getSettings().keyRotationGraceSeconds;
  const ring = new KeyRing(store, () => new Date(), 0);
  await ring.ensureKeys();
  const kids = await ring.rotate(grace);
  await recordAudit({ type: 'signing_keys.rotated', actor: actor(ctx), detail: { kids, graceSeconds: grace } });
  return kids;
}

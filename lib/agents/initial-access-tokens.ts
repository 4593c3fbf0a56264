/** RFC 7591 §3 initial access tokens: a random token shown once, stored as its SHA-256 digest. */
import type { createApplicationStore } from '@/lib/db/applications';
import { digest, randomToken } from '@/lib/oauth/secrets';

export interface InitialAccessTokenOptions {
  description?: string;
  expiresInSeconds?: number | null;
  maxUses?: number | null;
}

export async function issueInitialAccessToken(store: ReturnType<typeof createApplicationStore>, opts: InitialAccessTokenOptions, now = new Date()) {
  const token = randomToken();
  const expiresAt = opts.expiresInSeconds ? new Date(now.getTime() + opts.expiresInSeconds * 1000) : null;
  const { id } = await store.createInitialAccessToken(
    { tokenDigest: digest(token), description: opts.description ?? '', expiresAt, maxUses: opts.maxUses ?? null },
    now,
  );
  return { id, token, expiresAt, maxUses: opts.maxUses ?? null };
}

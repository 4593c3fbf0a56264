import { initialAccessTokenState, listInitialAccessTokens } from '@/lib/db/admin-registration';
import { UsageError, type Command } from './command';

/** RFC 7591 §3 initial access tokens: never the token itself (only its digest is stored). */
export const listinitialaccesstokens: Command = {
  name: 'listinitialaccesstokens',
  summary: 'list RFC 7591 initial access tokens: id, description, uses, expiry, state',
  usage: 'listinitialaccesstokens [--json]',
  options: {},
  async run({ args, db, json, out }) {
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const now = new Date();
    const rows = await listInitialAccessTokens(db.db);
    if (json) {
      out(
        JSON.stringify(
          rows.map((t) => ({
            id: t.id,
            description: t.description,
            created_at: t.createdAt.toISOString(),
            expires_at: t.expiresAt?.toISOString() ?? null,
            max_uses: t.maxUses,
            uses: t.uses,
            state: initialAccessTokenState(t, now),
          })),
        ),
      );
      return;
    }
    if (!rows.length) return out('no initial access tokens');
    for (const t of rows) {
      const uses = t.maxUses === null ? `${t.uses} uses` : `${t.uses}/${t.maxUses} uses`;
      out(`${t.id}  ${initialAccessTokenState(t, now).padEnd(8)}  ${uses.padEnd(12)}  expires ${t.expiresAt?.toISOString() ?? 'never'}  ${t.description}`);
    }
  },
};

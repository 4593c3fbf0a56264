import { issueInitialAccessToken } from '@/lib/agents/initial-access-tokens';
import { createApplicationStore } from '@/lib/db/applications';
import { recordAudit } from '@/lib/audit';
import { UsageError, type Command } from './command';

function positiveInt(flag: string, raw: string | undefined): number | null {
  if (raw === undefined) return null;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`${flag}: expected a whole number ≥ 1, got "${raw}"`);
  return Number(raw);
}

/** RFC 7591 §3: a token that lets its holder register clients when OAUTH2_DYNAMIC_REGISTRATION=token. */
export const createinitialaccesstoken: Command = {
  name: 'createinitialaccesstoken',
  summary: 'create an RFC 7591 initial access token for /o/register (shown only here)',
  usage:
    'createinitialaccesstoken [--description TEXT] [--expires-in SECONDS] [--max-uses N] [--json]\n' +
    '  used with OAUTH2_DYNAMIC_REGISTRATION=token: send it as "Authorization: Bearer <token>" to POST /o/register.\n' +
    '  Without --expires-in it does not expire; without --max-uses it registers any number of clients.',
  options: { description: { type: 'string' }, 'expires-in': { type: 'string' }, 'max-uses': { type: 'string' } },
  async run({ args, db, json, out }) {
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const v = args.values as Record<string, string | undefined>;
    const expiresInSeconds = positiveInt('--expires-in', v['expires-in']);
    const maxUses = positiveInt('--max-uses', v['max-uses']);
    const created = await issueInitialAccessToken(createApplicationStore(db.db), { description: v.description ?? '', expiresInSeconds, maxUses });
    await recordAudit({ type: 'initial_access_token.created', actor: { type: 'operator', label: 'command line' }, detail: { id: created.id, description: v.description ?? '' } });
    if (json) {
      out(JSON.stringify({ id: created.id, token: created.token, expires_at: created.expiresAt?.toISOString() ?? null, max_uses: created.maxUses }));
      return;
    }
    out(`initial access token: ${created.token}   (shown once: store it now)`);
    out(`expires:  ${created.expiresAt ? created.expiresAt.toISOString() : 'never'}`);
    out(`max uses: ${created.maxUses ?? 'unlimited'}`);
  },
};

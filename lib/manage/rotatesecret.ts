import { MAX_SECRET_OVERLAP_SECONDS, rotateSecret } from '@/lib/applications/service';
import { ApplicationInputError } from '@/lib/applications/rules';
import { createApplicationStore } from '@/lib/db/applications';
import { commandLineActor } from '@/lib/admin/cli-context';
import { UsageError, type Command } from './command';

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

/** "24h", "90m", "7d", "3600" (seconds), "0" or "none" → seconds. */
export function parseOverlap(raw: string | undefined): number {
  if (raw === undefined || raw === 'none') return 0;
  const m = /^(\d+)([smhd]?)$/.exec(raw.trim());
  if (!m) throw new UsageError('--overlap: expected a duration such as 1h, 24h or 7d (or none)');
  const seconds = Number(m[1]) * UNIT_SECONDS[m[2] || 's']!;
  if (seconds > MAX_SECRET_OVERLAP_SECONDS) throw new UsageError('--overlap: at most 7d');
  return seconds;
}

/** A new client secret, printed once; with --overlap the old one keeps working that long (issue 19). */
export const rotatesecret: Command = {
  name: 'rotatesecret',
  summary: 'give a confidential application a new client secret (shown once), optionally keeping the old one working for a while',
  usage:
    'rotatesecret --client-id CLIENT_ID [--overlap none|1h|24h|7d] [--json]\n' +
    '  --overlap: how long the previous secret keeps working (at most 7d; default none: it stops at once)',
  options: { 'client-id': { type: 'string' }, overlap: { type: 'string' } },
  async run({ args, db, json, out }) {
    const clientId = typeof args.values['client-id'] === 'string' ? args.values['client-id'] : '';
    if (!clientId) throw new UsageError('--client-id: expected the client_id of the application');
    const overlap = parseOverlap(typeof args.values.overlap === 'string' ? args.values.overlap : undefined);
    const now = new Date();
    let secret: string | null;
    try {
      secret = await rotateSecret(createApplicationStore(db.db), { clientId }, commandLineActor(), overlap, now);
    } catch (e) {
      if (e instanceof ApplicationInputError) throw new UsageError(`--overlap: ${e.message}`);
      throw e;
    }
    if (!secret) throw new UsageError(`--client-id: no confidential application with client_id "${clientId}"`);
    const previousExpiresAt = overlap ? new Date(now.getTime() + overlap * 1000).toISOString() : null;
    if (json) {
      out(JSON.stringify({ client_id: clientId, client_secret: secret, previous_secret_expires_at: previousExpiresAt }));
      return;
    }
    out(`client_secret: ${secret}   (shown once: store it now)`);
    out(previousExpiresAt ? `the previous secret keeps working until ${previousExpiresAt}` : 'the previous secret has stopped working');
  },
};

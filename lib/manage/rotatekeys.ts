import { createStore } from '@/lib/db/engine-store';
import { KeyRing } from '@/lib/oauth/oidc/keys';
import { getSettings } from '@/lib/config/settings';
import type { Command } from './command';

export const rotatekeys: Command = {
  name: 'rotatekeys',
  summary: 'add new OIDC signing keys; the old ones stop signing and stay published for a grace period',
  usage: 'rotatekeys [--grace-seconds N] [--json]   (default N: OAUTH2_KEY_ROTATION_GRACE_SECONDS, 86400)',
  options: { 'grace-seconds': { type: 'string' } },
  async run({ args, db, json, out }) {
    const raw = args.values['grace-seconds'];
    const grace = raw === undefined ? getSettings().keyRotationGraceSeconds : Number(raw);
    if (!Number.isInteger(grace) || grace < 0) throw new Error('--grace-seconds: expected a whole number ≥ 0');
    const ring = new KeyRing(createStore(db.db), () => new Date(), 0);
    await ring.ensureKeys();
    const kids = await ring.rotate(grace);
    if (json) out(JSON.stringify({ kids, grace_seconds: grace }));
    else out(`new signing keys ${kids.join(', ')}; previous keys stay in the JWKS for ${grace} s (running servers pick up the new keys within 30 s)`);
  },
};

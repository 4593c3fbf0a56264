import { oauth } from '@/lib/server/oauth-server';

export const POST = oauth.revoke;
export const OPTIONS = oauth.preflight;

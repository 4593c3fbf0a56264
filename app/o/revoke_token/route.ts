import { oauth } from '@/lib/oauth-server';

export const POST = oauth.revoke;
export const OPTIONS = oauth.preflight;

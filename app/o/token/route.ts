import { oauth } from '@/lib/server/oauth-server';

export const POST = oauth.token;
export const OPTIONS = oauth.preflight;

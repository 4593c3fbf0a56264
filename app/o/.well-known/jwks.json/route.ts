import { oauth } from '@/lib/server/oauth-server';

export const GET = oauth.jwks;
export const OPTIONS = oauth.preflight;

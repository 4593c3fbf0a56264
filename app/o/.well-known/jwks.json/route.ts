import { oauth } from '@/lib/oauth-server';

export const GET = oauth.jwks;
export const OPTIONS = oauth.preflight;

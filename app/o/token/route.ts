import { oauth } from '@/lib/oauth-server';

export const POST = oauth.token;
export const OPTIONS = oauth.preflight;

import { oauth } from '@/lib/server/oauth-server';

export const POST = oauth.register;
export const OPTIONS = oauth.preflight;

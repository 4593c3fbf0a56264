import { oauth } from '@/lib/oauth-server';

export const POST = oauth.register;
export const OPTIONS = oauth.preflight;

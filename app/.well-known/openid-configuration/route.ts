import { oauth } from '@/lib/server/oauth-server';

export const GET = oauth.discovery;
export const OPTIONS = oauth.preflight;

import { oauth } from '@/lib/server/oauth-server';

export const GET = oauth.metadata;
export const OPTIONS = oauth.preflight;

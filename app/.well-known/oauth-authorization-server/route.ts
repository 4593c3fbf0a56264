import { oauth } from '@/lib/oauth-server';

export const GET = oauth.metadata;
export const OPTIONS = oauth.preflight;

import { oauth } from '@/lib/oauth-server';

export const GET = oauth.discovery;
export const OPTIONS = oauth.preflight;

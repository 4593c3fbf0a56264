import { oauth } from '@/lib/server/oauth-server';

export const GET = oauth.introspect;
export const POST = oauth.introspect;
export const OPTIONS = oauth.preflight;

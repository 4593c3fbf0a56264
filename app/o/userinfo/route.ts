import { oauth } from '@/lib/server/oauth-server';

export const GET = oauth.userinfo;
export const POST = oauth.userinfo;
export const OPTIONS = oauth.preflight;

import { oauth } from '@/lib/oauth-server';

export const GET = oauth.userinfo;
export const POST = oauth.userinfo;
export const OPTIONS = oauth.preflight;

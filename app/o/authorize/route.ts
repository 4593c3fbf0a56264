import { oauth } from '@/lib/server/oauth-server';

export const GET = oauth.authorize;
export const POST = oauth.authorize;

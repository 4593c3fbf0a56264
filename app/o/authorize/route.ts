import { oauth } from '@/lib/oauth-server';

export const GET = oauth.authorize;
export const POST = oauth.authorize;

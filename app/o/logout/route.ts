import { oauth } from '@/lib/server/oauth-server';

export const GET = oauth.logout;
export const POST = oauth.logout;

import { oauth } from '@/lib/oauth-server';

export const GET = oauth.logout;
export const POST = oauth.logout;

import { oauth } from '@/lib/server/oauth-server';

export const POST = oauth.par;

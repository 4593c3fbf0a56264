import { oauth } from '@/lib/server/oauth-server';

export const GET = oauth.clientConfiguration;
export const PUT = oauth.clientConfiguration;
export const DELETE = oauth.clientConfiguration;
export const OPTIONS = oauth.registrationPreflight;

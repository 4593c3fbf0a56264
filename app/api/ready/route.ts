import { ready } from '@/lib/server/health';

/** The database answers and migrations are applied: for load balancers' readiness checks. */
export const GET = ready;

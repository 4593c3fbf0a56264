import { exampleApis } from '@/lib/resource-server/example-apis';

/** The token's user: needs the profile scope (lib/resource-server/example-apis.ts). */
export const GET = exampleApis.me;

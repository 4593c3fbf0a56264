import { exampleApis } from '@/lib/resource-server/example-apis';

/** Who is calling: client credentials as at the token endpoint, or an access token (lib/resource-server/example-apis.ts). */
export const GET = exampleApis.clientInfo;
export const POST = exampleApis.clientInfo;

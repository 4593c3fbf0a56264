import { exampleApis } from '@/lib/resource-server/example-apis';

/** The read/write example: GET needs the read scope, POST the write scope (lib/resource-server/example-apis.ts). */
export const GET = exampleApis.notes;
export const POST = exampleApis.notes;

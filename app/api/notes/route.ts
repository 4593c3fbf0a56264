import { exampleApis } from '@/lib/resource-server/example-apis';

/** The read/write example, also open to the signed-in session (lib/resource-server/example-apis.ts). */
export const GET = exampleApis.notes;
export const POST = exampleApis.notes;

import { exampleApis } from '@/lib/resource-server/example-apis';

/** A bearer-protected resource (RFC 6750), one of the example APIs (lib/resource-server/example-apis.ts). */
export const GET = exampleApis.hello;

import { createMcpHandler } from '@/lib/mcp/whoami-server';

/** The example MCP server (Streamable HTTP, stateless), protected by RFC 8707 audience and RFC 9728 metadata. */
const handler = createMcpHandler();

export const GET = handler;
export const POST = handler;
export const DELETE = handler;
export const OPTIONS = handler;

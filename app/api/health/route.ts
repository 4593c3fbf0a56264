/** The process is up (no database call): for load balancers and the benchmark's framework floor. */
export function GET(): Response {
  return Response.json({ status: 'ok' });
}

/** The floor for POST endpoints: what the framework costs to deliver and read a small form body. */
export async function POST(req: Request): Promise<Response> {
  await req.text();
  return Response.json({ status: 'ok' });
}

/** The process is up (no database call): for load balancers and the benchmark's framework floor. */
export function GET(): Response {
  return Response.json({ status: 'ok' });
}

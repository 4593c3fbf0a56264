/**
 * GET /admin/audit/export?format=csv|jsonl&<the page's filter>: the filtered audit events as a
 * download, newest first, read in pages so a large trail never sits in memory at once. 404 for
 * anyone but an operator (as every /admin route); a nonsense filter is a 400 with the reasons.
 */
import { operatorOrNull } from '@/lib/admin/require-operator';
import { findUserByEmailForAdmin } from '@/lib/db/admin-users';
import { listAuditEvents, type AuditEvent } from '@/lib/db/audit';
import { getDb } from '@/lib/db/client';
import { recordAudit } from './index';
import { parseAuditQuery, readAuditQuery } from './filter';

const PAGE = 1000;
/** An export is for reading, not a backup: past this many rows it stops (the last line says so). */
export const EXPORT_LIMIT = 100_000;

const COLUMNS = ['id', 'at', 'type', 'actor_type', 'actor_id', 'actor_label', 'user_id', 'client_id', 'ip', 'user_agent', 'request_id', 'detail'] as const;

function record(e: AuditEvent) {
  return {
    id: e.id,
    at: e.at.toISOString(),
    type: e.type,
    actor_type: e.actorType,
    actor_id: e.actorId,
    actor_label: e.actorLabel,
    user_id: e.userId,
    client_id: e.clientId,
    ip: e.ip,
    user_agent: e.userAgent,
    request_id: e.requestId,
    detail: e.detail,
  };
}

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs a cell as a formula. */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(e: AuditEvent): string {
  const r = record(e);
  return COLUMNS.map((c) => csvCell(r[c])).join(',') + '\r\n';
}

export function jsonLine(e: AuditEvent): string {
  return JSON.stringify(record(e)) + '\n';
}

export async function exportAudit(req: Request): Promise<Response> {
  const operator = await operatorOrNull();
  if (!operator) return new Response('Not found', { status: 404 });
  const url = new URL(req.url);
  const format = url.searchParams.get('format') === 'jsonl' ? 'jsonl' : url.searchParams.get('format') === 'csv' || !url.searchParams.get('format') ? 'csv' : null;
  if (!format) return new Response('format: expected csv or jsonl\n', { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const db = await getDb();
  const parsed = await parseAuditQuery(readAuditQuery(Object.fromEntries(url.searchParams)), async (email) => (await findUserByEmailForAdmin(db, email))?.id ?? null);
  if (parsed.problems.length) return new Response(`${parsed.problems.map((p) => p.message).join('\n')}\n`, { status: 400, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  await recordAudit({ type: 'audit.exported', actor: { type: 'operator', id: operator.id, label: operator.email }, detail: { format, filter: parsed.query } });

  const encoder = new TextEncoder();
  const line = format === 'csv' ? csvLine : jsonLine;
  let beforeId = parsed.filter.beforeId;
  let sent = 0;
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent && format === 'csv') controller.enqueue(encoder.encode(COLUMNS.join(',') + '\r\n'));
      headerSent = true;
      const { rows, hasMore } = await listAuditEvents(db, { ...parsed.filter, beforeId }, Math.min(PAGE, EXPORT_LIMIT - sent));
      if (rows.length) controller.enqueue(encoder.encode(rows.map(line).join('')));
      sent += rows.length;
      beforeId = rows.at(-1)?.id;
      if (!hasMore || !rows.length) return controller.close();
      if (sent >= EXPORT_LIMIT) {
        if (format === 'jsonl') controller.enqueue(encoder.encode(JSON.stringify({ truncated: true, limit: EXPORT_LIMIT }) + '\n'));
        controller.close();
      }
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
  return new Response(stream, {
    headers: {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8',
      'Content-Disposition': `attachment; filename="audit-${stamp}.${format}"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

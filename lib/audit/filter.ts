/**
 * The audit filter as the console's query string carries it (user, application, type, from, to,
 * before), checked: a nonsense value becomes a reason shown above an empty result, never a 500.
 */
import type { AuditFilter } from '@/lib/db/audit';

export interface AuditQuery {
  user: string;
  client: string;
  type: string;
  from: string;
  to: string;
  before: string;
}

/**
 * Why a filter cannot be used: `key` names the page's message (adminAudit.<key>, in the page's
 * language), `message` is the English line the export's 400 answer carries.
 */
export interface AuditProblem {
  key: 'problemNoAccount' | 'problemUser' | 'problemClient' | 'problemType' | 'problemFrom' | 'problemTo' | 'problemRange' | 'problemBefore';
  values?: { email: string };
  message: string;
}

export type ParsedAuditQuery = { filter: AuditFilter; problems: AuditProblem[]; query: AuditQuery; userEmail: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const TYPE = /^[a-z_]+(\.[a-z_]*)*$/;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();

export function readAuditQuery(params: Record<string, string | string[] | undefined>): AuditQuery {
  return { user: first(params.user), client: first(params.client), type: first(params.type), from: first(params.from), to: first(params.to), before: first(params.before) };
}

function day(value: string, name: 'From' | 'To', problems: AuditProblem[], plusOne = false): Date | undefined {
  if (!value) return undefined;
  const d = DAY.test(value) ? new Date(`${value}T00:00:00Z`) : null;
  if (!d || Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) {
    problems.push({ key: name === 'From' ? 'problemFrom' : 'problemTo', message: `“${name}” must be a date like 2026-11-30.` });
    return undefined;
  }
  return plusOne ? new Date(d.getTime() + 86_400_000) : d;
}

/**
 * `resolveUser` turns an email into a user id (null when there is none). `to` is inclusive: the
 * whole day named is in the range.
 */
export async function parseAuditQuery(query: AuditQuery, resolveUser: (email: string) => Promise<string | null>): Promise<ParsedAuditQuery> {
  const problems: AuditProblem[] = [];
  const filter: AuditFilter = {};
  let userEmail: string | null = null;
  if (query.user) {
    if (UUID.test(query.user)) filter.userId = query.user.toLowerCase();
    else if (query.user.includes('@') && query.user.length <= 320) {
      userEmail = query.user.toLowerCase();
      const id = await resolveUser(userEmail);
      if (id) filter.userId = id;
      else problems.push({ key: 'problemNoAccount', values: { email: query.user }, message: `No account has the email ${query.user}.` });
    } else problems.push({ key: 'problemUser', message: '“User” must be an email address or a user id.' });
  }
  if (query.client) {
    if (query.client.length > 2000) problems.push({ key: 'problemClient', message: '“Application” is too long to be a client_id.' });
    else filter.clientId = query.client;
  }
  if (query.type) {
    if (query.type.length <= 100 && TYPE.test(query.type)) filter.type = query.type;
    else problems.push({ key: 'problemType', message: '“Event type” must look like sign_in.failed, or token. for every token event.' });
  }
  filter.from = day(query.from, 'From', problems);
  filter.to = day(query.to, 'To', problems, true);
  if (filter.from && filter.to && filter.from >= filter.to) problems.push({ key: 'problemRange', message: '“From” must be on or before “To”.' });
  if (query.before) {
    if (/^\d{1,15}$/.test(query.before)) filter.beforeId = Number(query.before);
    else problems.push({ key: 'problemBefore', message: 'The page marker is not valid; start from the first page.' });
  }
  return { filter, problems, query, userEmail };
}

/** The query string for a filter (paging and export links keep it). */
export function auditSearch(query: AuditQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...query, before: '', ...extra })) if (v) params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : '';
}

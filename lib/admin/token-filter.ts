/**
 * The Tokens page's filter, read from its query string: a person (their email), an application
 * (its client_id, or its name), a status and a page. A value that names nothing gives the reason
 * and an empty result, never an error.
 */
import { findApplicationsByClientIdOrName } from '@/lib/db/admin-tokens';
import { findUserByEmailForAdmin } from '@/lib/db/admin-users';
import type { Db } from '@/lib/db/types';
import { TOKEN_STATUSES, type TokenStatusFilter } from './views';

type Query = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export interface TokenQuery {
  user: string;
  application: string;
  status: TokenStatusFilter;
  page: number;
}

export interface ResolvedTokenFilter {
  user: { id: string; email: string } | null;
  applications: { id: string; clientId: string; name: string }[] | null;
  /**
   * Why nothing can be shown: a person or an application that matches nothing, with the value
   * typed (the page words it in its language, adminTokens.<key>).
   */
  problem: { key: 'noAccount' | 'noApplication'; value: string } | null;
}

export function readTokenQuery(params: Query): TokenQuery {
  const status = first(params.status) as TokenStatusFilter;
  return {
    user: first(params.user).trim().slice(0, 320),
    application: first(params.application).trim().slice(0, 200),
    status: TOKEN_STATUSES.includes(status) ? status : 'any',
    page: Math.max(1, Math.min(10_000, Number.parseInt(first(params.page), 10) || 1)),
  };
}

/** The page's own URL for a query (the actions come back to it; nothing of the form's is echoed raw). */
export function tokensHref(q: Partial<TokenQuery>, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (q.user) params.set('user', q.user);
  if (q.application) params.set('application', q.application);
  if (q.status && q.status !== 'any') params.set('status', q.status);
  if (q.page && q.page > 1) params.set('page', String(q.page));
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const s = params.toString();
  return s ? `/admin/tokens?${s}` : '/admin/tokens';
}

export async function resolveTokenFilter(db: Db, q: TokenQuery): Promise<ResolvedTokenFilter> {
  if (!q.user && !q.application) return { user: null, applications: null, problem: null };
  const [user, applications] = await Promise.all([q.user ? findUserByEmailForAdmin(db, q.user) : null, q.application ? findApplicationsByClientIdOrName(db, q.application) : null]);
  if (q.user && !user) return { user: null, applications, problem: { key: 'noAccount', value: q.user } };
  if (applications && !applications.length) return { user: user && { id: user.id, email: user.email }, applications, problem: { key: 'noApplication', value: q.application } };
  return { user: user && { id: user.id, email: user.email }, applications, problem: null };
}

'use server';
/**
 * The Tokens page's actions: revoke one token, or every token the filter shows. Each checks the
 * operator role (a server action is a public endpoint), re-reads the filter from the form the way
 * the page does, and comes back to the same filtered page with a notice.
 */
import { redirect } from 'next/navigation';
import { requireOperator } from '@/lib/admin/require-operator';
import { consoleContext } from '@/lib/admin/server-context';
import { revokeShownTokens, revokeToken } from '@/lib/admin/token-actions';
import { readTokenQuery, resolveTokenFilter, tokensHref } from '@/lib/admin/token-filter';

const fields = (formData: FormData) => {
  const params: Record<string, string> = {};
  for (const name of ['user', 'application', 'status', 'page', 'kind', 'id']) {
    const v = formData.get(name);
    if (typeof v === 'string') params[name] = v;
  }
  return params;
};

export async function revokeTokenAction(formData: FormData): Promise<void> {
  const ctx = await consoleContext(await requireOperator());
  const form = fields(formData);
  const result = await revokeToken(ctx, form.kind ?? '', Number(form.id));
  redirect(tokensHref(readTokenQuery(form), { notice: result.ok ? 'one_token_revoked' : result.code }));
}

export async function revokeShownTokensAction(formData: FormData): Promise<void> {
  const ctx = await consoleContext(await requireOperator());
  const query = readTokenQuery(fields(formData));
  const back = (notice: string): never => redirect(tokensHref({ ...query, page: 1 }, { notice }));
  const filter = await resolveTokenFilter(ctx.db, query);
  if (filter.problem || (!filter.user && !filter.applications)) back('not_found');
  if (filter.applications && filter.applications.length > 1) back('several_applications');
  const result = await revokeShownTokens(ctx, { userId: filter.user?.id, applicationId: filter.applications?.[0]?.id });
  back(result.ok ? 'shown_tokens_revoked' : result.code);
}

import type { Metadata } from 'next';
import { RequestError } from '@/components/consent/request-error';

export const metadata: Metadata = { title: "Request can't be completed" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * RFC 6749 §3.1.2.4 / §4.1.2.1: when the client or its redirect URI cannot be trusted, the
 * authorization server tells the person here and never redirects. The query comes from our own
 * redirect but anyone can edit it, so it is shown as plain text (React escapes it), trimmed,
 * and the code only when it looks like an RFC error code.
 */
export default async function AuthorizationErrorPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const rawCode = first(params.error)?.trim() ?? '';
  const code = /^[a-z0-9_]{1,64}$/.test(rawCode) ? rawCode : null;
  const description =
    first(params.error_description)?.trim().slice(0, 500) || 'The application sent a request this server cannot accept.';
  return <RequestError description={description} code={code} />;
}

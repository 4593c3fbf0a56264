/**
 * Who a client says it is (issue 23; RFC 7591 §2 client_uri, logo_uri, policy_uri, tos_uri),
 * read from the application's stored metadata for the consent and authorized-applications pages.
 * Only links the identity rule accepts count: anything else (a javascript: URL a self-registered
 * client slipped in before validation existed, an http page from before https was required) is
 * dropped, never rendered as a link.
 */
import { identityUriProblem } from '@/lib/applications/identity-rules';

export interface ClientIdentity {
  logoUri: string | null;
  clientUri: string | null;
  policyUri: string | null;
  tosUri: string | null;
}

export const NO_IDENTITY: ClientIdentity = { logoUri: null, clientUri: null, policyUri: null, tosUri: null };

/** A link the identity rule accepts (lib/applications/identity-rules.ts, the one every registration path applies), else null. */
export function shownLink(value: unknown): string | null {
  return typeof value === 'string' && identityUriProblem(value) === null ? new URL(value).href : null;
}

export function clientIdentity(metadata: unknown): ClientIdentity {
  if (!metadata || typeof metadata !== 'object') return NO_IDENTITY;
  const m = metadata as Record<string, unknown>;
  return { logoUri: shownLink(m.logo_uri), clientUri: shownLink(m.client_uri), policyUri: shownLink(m.policy_uri), tosUri: shownLink(m.tos_uri) };
}

/** The home page's host, as the consent page names it ("acme.example"). */
export function hostOf(uri: string): string {
  return new URL(uri).host;
}

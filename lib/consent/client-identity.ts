/**
 * Who a client says it is (issue 23; RFC 7591 §2 client_uri, logo_uri, policy_uri, tos_uri),
 * read from the application's stored metadata for the consent and authorized-applications pages.
 * Only https URLs count: anything else (a javascript: URL a self-registered client slipped in
 * before validation existed, an http page) is dropped, never rendered as a link.
 */
export interface ClientIdentity {
  logoUri: string | null;
  clientUri: string | null;
  policyUri: string | null;
  tosUri: string | null;
}

export const NO_IDENTITY: ClientIdentity = { logoUri: null, clientUri: null, policyUri: null, tosUri: null };

function httpsUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname ? url.href : null;
  } catch {
    return null;
  }
}

export function clientIdentity(metadata: unknown): ClientIdentity {
  if (!metadata || typeof metadata !== 'object') return NO_IDENTITY;
  const m = metadata as Record<string, unknown>;
  return { logoUri: httpsUrl(m.logo_uri), clientUri: httpsUrl(m.client_uri), policyUri: httpsUrl(m.policy_uri), tosUri: httpsUrl(m.tos_uri) };
}

/** The home page's host, as the consent page names it ("acme.example"). */
export function hostOf(uri: string): string {
  return new URL(uri).host;
}

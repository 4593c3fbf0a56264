/**
 * Who the client says it is (RFC 7591 §2 client_uri, policy_uri, tos_uri), under its name on
 * the consent page: its home page's host, its privacy policy and terms. They open in a new tab
 * so the pending request stays where it is.
 */
export function ClientLinks({
  homeUri,
  homeHost,
  policyUri,
  tosUri,
  labels,
}: {
  homeUri: string | null;
  homeHost: string | null;
  policyUri: string | null;
  tosUri: string | null;
  labels: { home: string; policy: string; terms: string };
}) {
  const links = [
    homeUri && homeHost ? { href: homeUri, text: homeHost, title: labels.home, mono: true } : null,
    policyUri ? { href: policyUri, text: labels.policy, title: labels.policy, mono: false } : null,
    tosUri ? { href: tosUri, text: labels.terms, title: labels.terms, mono: false } : null,
  ].filter((l) => l !== null);
  if (!links.length) return null;
  return (
    <ul className="mt-3 flex flex-wrap items-center justify-center gap-x-4 gap-y-1 text-sm">
      {links.map((l) => (
        <li key={l.href + l.title}>
          <a
            href={l.href}
            title={l.title}
            target="_blank"
            rel="noopener noreferrer"
            className={`inline-flex max-w-full items-center gap-1 font-medium break-all text-accent-600 underline-offset-2 hover:text-accent-700 hover:underline ${l.mono ? 'font-mono text-xs' : ''}`}
          >
            {l.text}
            <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className="size-3.5 shrink-0">
              <path strokeLinecap="round" strokeLinejoin="round" d="M14 4h6v6M20 4l-9 9M18 14v4a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h4" />
            </svg>
          </a>
        </li>
      ))}
    </ul>
  );
}

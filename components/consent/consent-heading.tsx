import type { ReactNode } from 'react';
import { ClientLogo } from '@/components/applications/client-logo';
import { Logo } from '@/components/logo';

/**
 * The top of a consent card: the client's logo (or monogram) beside this server's, its name,
 * what it asks, who registered it, and the links it gave about itself.
 */
export function ConsentHeading({
  name,
  logoUri,
  asks,
  registrant,
  links,
}: {
  name: string;
  logoUri: string | null;
  /** "wants to access your account" in the page's language. */
  asks: string;
  registrant: string;
  links?: ReactNode;
}) {
  return (
    <div className="px-5 pt-7 pb-6 text-center sm:px-8 sm:pt-8">
      <div className="flex items-center justify-center gap-3" aria-hidden="true">
        <ClientLogo name={name} logoUri={logoUri} size="lg" />
        <span className="flex gap-1">
          <span className="size-1 rounded-full bg-slate-300" />
          <span className="size-1 rounded-full bg-slate-300" />
          <span className="size-1 rounded-full bg-slate-300" />
        </span>
        <Logo className="size-12" />
      </div>
      <h1 className="mt-5">
        <span className="block text-2xl font-semibold tracking-tight break-words text-slate-900">{name}</span>{' '}
        <span className="mt-1 block text-base text-balance text-slate-700">{asks}</span>
      </h1>
      <p className="mt-3 text-sm text-slate-600">{registrant}</p>
      {links}
    </div>
  );
}

import { Monogram } from '@/components/applications/monogram';
import { ButtonLink, buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

/**
 * The interstitial before a redirect to a client nobody vetted (lib/oauth/leaving.ts): where the
 * browser is about to go, who registered it, and a link the person chooses to follow.
 */
export function LeavingNotice({ server, clientName, via, destination, href }: { server: string; clientName: string; via: 'dynamic' | 'metadata_document'; destination: string; href: string }) {
  return (
    <div className="flex justify-center px-4 py-10 sm:py-16">
      <div className="w-full max-w-lg">
        <Card className="px-6 py-8 sm:px-10 sm:py-10">
          <div className="flex items-center gap-3">
            <Monogram name={clientName} size="lg" />
            <div className="min-w-0">
              <p className="truncate font-medium text-slate-900">{clientName}</p>
              <p className="text-xs text-slate-500">
                {via === 'dynamic' ? 'Registered by the application itself' : 'Described by its own published document'} · not verified by the operator
              </p>
            </div>
          </div>
          <h1 className="mt-6 text-2xl font-semibold tracking-tight text-balance text-slate-900">
            You are leaving {server} for <span className="wrap-anywhere">{destination}</span>
          </h1>
          <p className="mt-3 text-sm text-slate-600">
            {clientName} asked to send you back to it. Nobody at {server} has checked this application: continue only if you were using it and trust{' '}
            <span className="font-medium wrap-anywhere text-slate-800">{destination}</span>.
          </p>
          <div className="mt-8 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <ButtonLink href="/" variant="secondary">
              Stay here
            </ButtonLink>
            <a href={href} className={buttonClasses()} rel="noreferrer">
              Continue to {destination}
            </a>
          </div>
        </Card>
      </div>
    </div>
  );
}

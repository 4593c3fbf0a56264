'use client';
/**
 * "Sign in with a passkey": asks the browser for a passkey of this site (discoverable, so no
 * email first) and hands the result to the server. Where the browser offers it, the same
 * request also runs as conditional UI: the passkeys appear in the email field's autofill.
 */
import { useEffect, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { browserSupportsWebAuthn, browserSupportsWebAuthnAutofill, startAuthentication } from '@simplewebauthn/browser';
import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/types';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { webAuthnErrorMessage } from './webauthn-errors';

type Actions = {
  options: () => Promise<{ options: PublicKeyCredentialRequestOptionsJSON; ceremony: string }>;
  signIn: (input: { ceremony: string; response: unknown; next: string }) => Promise<{ ok: false; message: string }>;
};

export function PasskeySignIn({ next, actions }: { next: string; actions: Actions }) {
  const t = useTranslations('login');
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  async function run(autofill: boolean) {
    const { options, ceremony } = await actions.options();
    const response = await startAuthentication(options, autofill);
    const result = await actions.signIn({ ceremony, response, next });
    if (result && !result.ok) setError(result.message);
  }

  useEffect(() => {
    if (!browserSupportsWebAuthn()) return;
    // Conditional UI: waits quietly until the person picks a passkey in the autofill list.
    void browserSupportsWebAuthnAutofill().then((yes) => {
      if (yes) run(true).catch(() => {}); // aborted by the button, or not chosen: nothing to say
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, on mount
  }, []);

  return (
    <div className="space-y-3">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button
        type="button"
        variant="secondary"
        className="w-full"
        disabled={pending}
        onClick={() => {
          setError(null);
          startTransition(async () => {
            try {
              await run(false);
            } catch (e) {
              const message = webAuthnErrorMessage(e);
              if (message) setError(message);
              else throw e;
            }
          });
        }}
      >
        {pending ? <Spinner /> : null}
        {t('passkey')}
      </Button>
    </div>
  );
}

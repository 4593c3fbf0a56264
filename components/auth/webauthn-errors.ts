/** Why the browser's passkey prompt failed, as a name a page can put in its own words; null for errors that are not the browser's (rethrown). */
export type WebAuthnErrorKind = 'cancelled' | 'duplicate' | 'insecure' | 'unsupported' | 'incomplete';

export function webAuthnErrorKind(e: unknown): WebAuthnErrorKind | null {
  const name = (e as { name?: unknown })?.name;
  const code = (e as { code?: unknown })?.code;
  // Next's redirect() from a server action travels as an error too: not ours to show.
  if (typeof (e as { digest?: unknown })?.digest === 'string') return null;
  if (name === 'NotAllowedError' || code === 'ERROR_CEREMONY_ABORTED') return 'cancelled';
  if (name === 'InvalidStateError' || code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') return 'duplicate';
  if (name === 'SecurityError') return 'insecure';
  if (name === 'NotSupportedError') return 'unsupported';
  if (name === 'WebAuthnError' || name === 'AbortError') return 'incomplete';
  return null;
}

const MESSAGES: Record<WebAuthnErrorKind, string> = {
  cancelled: 'The passkey prompt was cancelled or timed out. Try again when you are ready.',
  duplicate: 'This device already has a passkey for your account.',
  insecure: 'Passkeys do not work on this address. Open the site at its usual address and try again.',
  unsupported: 'This browser or device cannot use passkeys.',
  incomplete: 'The passkey prompt did not complete. Try again.',
};

/** What the page says when the browser's passkey prompt fails; null for errors that are not the browser's (rethrown). */
export function webAuthnErrorMessage(e: unknown): string | null {
  const kind = webAuthnErrorKind(e);
  return kind ? MESSAGES[kind] : null;
}

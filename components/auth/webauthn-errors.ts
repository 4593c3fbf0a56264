/** What the page says when the browser's passkey prompt fails; null for errors that are not the browser's (rethrown). */
export function webAuthnErrorMessage(e: unknown): string | null {
  const name = (e as { name?: unknown })?.name;
  const code = (e as { code?: unknown })?.code;
  // Next's redirect() from a server action travels as an error too: not ours to show.
  if (typeof (e as { digest?: unknown })?.digest === 'string') return null;
  if (name === 'NotAllowedError' || code === 'ERROR_CEREMONY_ABORTED') return 'The passkey prompt was cancelled or timed out. Try again when you are ready.';
  if (name === 'InvalidStateError' || code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') return 'This device already has a passkey for your account.';
  if (name === 'SecurityError') return 'Passkeys do not work on this address. Open the site at its usual address and try again.';
  if (name === 'NotSupportedError') return 'This browser or device cannot use passkeys.';
  if (name === 'WebAuthnError' || name === 'AbortError') return 'The passkey prompt did not complete. Try again.';
  return null;
}

import { Alert } from '@/components/ui/alert';

/**
 * Where a self-registered client came from, for the consent page. A dashboard application was
 * registered by a person this server knows; a client that registered itself (RFC 7591) or is
 * described by its own metadata document was not, so the page says so, names the document's
 * host, and warns when the browser would go back to an app on this device (loopback or a
 * private-use scheme), where any app can claim any name.
 */
export function ClientOrigin({
  applicationName,
  registeredVia,
  clientId,
  redirectHost,
  onThisDevice,
}: {
  applicationName: string;
  registeredVia: 'dynamic' | 'metadata_document';
  clientId: string;
  redirectHost: string;
  onThisDevice: boolean;
}) {
  const documentHost = registeredVia === 'metadata_document' ? hostOf(clientId) : null;
  return (
    <div className="space-y-3 px-5 pt-5 sm:px-8">
      <Alert tone="info" title={documentHost ? 'Identified by a published document' : 'Registered itself'}>
        {documentHost ? (
          <>
            This application describes itself in a document at <strong className="font-mono font-semibold break-all">{documentHost}</strong>
            <span className="block font-mono text-xs break-all opacity-80">{clientId}</span>
          </>
        ) : (
          <>Its name and details are what it told this server when it registered itself; no one here has checked them.</>
        )}
      </Alert>
      {onThisDevice ? (
        <Alert tone="warning" title="Sends you back to an app on this device">
          After you decide, {applicationName} will send you back to an app on this device (<strong className="font-mono break-all">{redirectHost}</strong>), not to
          a website. Only continue if you started this from that app yourself, just now.
        </Alert>
      ) : null}
    </div>
  );
}

function hostOf(uri: string): string {
  try {
    return new URL(uri).host;
  } catch {
    return uri;
  }
}

import { getTranslations } from 'next-intl/server';
import { Alert } from '@/components/ui/alert';

/**
 * Where a self-registered client came from, for the consent page. A dashboard application was
 * registered by a person this server knows; a client that registered itself (RFC 7591) or is
 * described by its own metadata document was not, so the page says so, names the document's
 * host, and warns when the browser would go back to an app on this device (loopback or a
 * private-use scheme), where any app can claim any name.
 */
export async function ClientOrigin({
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
  const t = await getTranslations('consent');
  const documentHost = registeredVia === 'metadata_document' ? hostOf(clientId) : null;
  return (
    <div className="space-y-3 px-5 pt-5 sm:px-8">
      <Alert tone="info" title={documentHost ? t('originDocumentTitle') : t('originDynamicTitle')}>
        {documentHost ? (
          <>
            {t.rich('originDocument', { host: documentHost, b: (chunks) => <strong className="font-mono font-semibold break-all">{chunks}</strong> })}
            <span className="block font-mono text-xs break-all opacity-80">{clientId}</span>
          </>
        ) : (
          t('originDynamic')
        )}
      </Alert>
      {onThisDevice ? (
        <Alert tone="warning" title={t('onDeviceTitle')}>
          {t.rich('onDevice', { app: applicationName, host: redirectHost, b: (chunks) => <strong className="font-mono break-all">{chunks}</strong> })}
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

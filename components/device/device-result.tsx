import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';

/** RFC 8628 §3.3: what the person sees once they decided; the device finds out by polling. */
export async function DeviceResult({ outcome }: { outcome: 'connected' | 'denied' }) {
  const t = await getTranslations('device');
  const connected = outcome === 'connected';
  return (
    <Card className="px-6 py-8 text-center sm:px-10 sm:py-10">
      <div className={`mx-auto flex size-12 items-center justify-center rounded-full ring-1 ${connected ? 'bg-emerald-50 ring-emerald-200' : 'bg-slate-100 ring-slate-200'}`}>
        <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className={`size-6 ${connected ? 'text-emerald-700' : 'text-slate-600'}`}>
          <path strokeLinecap="round" strokeLinejoin="round" d={connected ? 'm5 13 4 4L19 7' : 'M6 18 18 6M6 6l12 12'} />
        </svg>
      </div>
      <h1 className="mt-5 text-2xl font-semibold tracking-tight text-balance text-slate-900">{connected ? t('connected') : t('denied')}</h1>
      <p className="mt-3 text-base text-slate-700">
        {connected ? t('connectedText') : t('deniedText')}
      </p>
    </Card>
  );
}

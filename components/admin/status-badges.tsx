import { useTranslations } from 'next-intl';
import { Badge } from '@/components/applications/badges';

export function DisabledBadge({ disabledAt }: { disabledAt: Date | null }) {
  const t = useTranslations('adminCommon');
  if (!disabledAt) return null;
  return <Badge className="bg-red-50 text-red-700 ring-red-200">{t('disabled')}</Badge>;
}

export function OperatorBadge({ operator }: { operator: boolean }) {
  const t = useTranslations('adminCommon');
  return operator ? <Badge tone="amber">{t('operator')}</Badge> : null;
}

const VIA = { dashboard: 'viaDashboard', dynamic: 'viaDynamic', metadata_document: 'viaMetadataDocument' } as const;

export function RegisteredViaBadge({ via }: { via: string }) {
  const t = useTranslations('adminCommon');
  const key = Object.hasOwn(VIA, via) ? VIA[via as keyof typeof VIA] : null;
  return <Badge>{key ? t(key) : via}</Badge>;
}

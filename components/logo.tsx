import { getSettings } from '@/lib/config/settings';
import { cn } from '@/lib/ui/utils';

/** The product's name: OAUTH2_BRAND_NAME, "OAuth Server" by default. */
export function brandName(): string {
  return getSettings().branding.name;
}

/**
 * The mark: OAUTH2_BRAND_LOGO_URL, or the stock shield (public/logo.svg). Decorative: the
 * product name always stands beside it. A plain <img>: an operator's logo may be on another
 * host and any shape, so it keeps its aspect ratio within the box.
 */
export function Logo({ className }: { className?: string }) {
  const { logoUrl } = getSettings().branding;
  // eslint-disable-next-line @next/next/no-img-element -- any host, any size: next/image would need each listed
  return <img src={logoUrl} alt="" width={32} height={32} loading="eager" className={cn('size-8 object-contain', className)} />;
}

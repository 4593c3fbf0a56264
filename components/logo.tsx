import Image from 'next/image';
import { cn } from '@/lib/ui/utils';

export const PRODUCT_NAME = 'OAuth Server';

/** The mark (public/logo.svg); decorative, the product name always stands beside it. */
export function Logo({ className }: { className?: string }) {
  return <Image src="/logo.svg" alt="" width={32} height={32} unoptimized loading="eager" className={cn('size-8', className)} />;
}

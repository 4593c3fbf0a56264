'use client';
/**
 * An application's logo (RFC 7591 logo_uri) over its monogram: when there is no logo, or it
 * fails to load, the monogram is what shows. The page passes a logo only from a host the
 * operator allowed (OAUTH2_CLIENT_LOGO_HOSTS); no Referer goes with it. Decorative.
 */
import { useEffect, useRef, useState } from 'react';
import { Monogram } from './monogram';

const BOX = { md: 'size-10 rounded-lg', lg: 'size-12 rounded-xl' };

export function ClientLogo({ name, logoUri, size = 'md' }: { name: string; logoUri: string | null; size?: 'md' | 'lg' }) {
  const [broken, setBroken] = useState(false);
  const img = useRef<HTMLImageElement>(null);
  // An image that failed before React hydrated never fires onError for it: look once on mount.
  useEffect(() => {
    const el = img.current;
    if (el && el.complete && el.naturalWidth === 0) setBroken(true);
  }, []);
  if (!logoUri || broken) return <Monogram name={name} size={size} />;
  return (
    <span className={`relative flex shrink-0 overflow-hidden bg-white ring-1 ring-slate-200 ${BOX[size]}`} aria-hidden="true">
      {/* eslint-disable-next-line @next/next/no-img-element -- a client's own host; next/image would have to list every one */}
      <img
        ref={img}
        src={logoUri}
        alt=""
        referrerPolicy="no-referrer"
        loading="eager"
        className="size-full object-contain"
        data-testid="client-logo"
        onError={() => setBroken(true)}
      />
    </span>
  );
}

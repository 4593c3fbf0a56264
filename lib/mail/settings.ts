/**
 * EMAIL_SERVER and EMAIL_FROM, validated once at start (lib/config/settings.ts) like every other
 * setting: a bad value stops the server with one line naming the variable.
 */
import { SettingsError, type Env } from '@/lib/config/env';

export interface MailSettings {
  /** EMAIL_SERVER: an SMTP URL (smtp://user:pass@host:587, smtps://host:465); null = write .data/outbox/*.eml and print links. */
  server: string | null;
  /** EMAIL_FROM: the sender, "Name <address>" or an address. */
  from: string;
}

const ADDRESS = /^[^\s@<>]+@[^\s@<>]+$/;
const NAMED_ADDRESS = /^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/;

export const DEFAULT_EMAIL_FROM = 'OAuth Server <no-reply@localhost>';

export function parseMailSettings(env: Env): MailSettings {
  const raw = env.EMAIL_SERVER?.trim() || null;
  if (raw) {
    let url: URL | null = null;
    try {
      url = new URL(raw);
    } catch {
      /* reported below */
    }
    if (!url || (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') || !url.hostname) {
      // Never echo the value: it usually holds the SMTP password.
      throw new SettingsError('EMAIL_SERVER: expected an SMTP URL such as smtp://user:password@mail.example.com:587 or smtps://mail.example.com:465');
    }
  }
  // Without EMAIL_FROM the sender's name is the brand's (OAUTH2_BRAND_NAME), quoted as RFC 5322 wants for any punctuation.
  const brand = env.OAUTH2_BRAND_NAME?.trim().replace(/["\\\r\n<>]/g, '');
  const from = env.EMAIL_FROM?.trim() || (brand ? `"${brand}" <no-reply@localhost>` : DEFAULT_EMAIL_FROM);
  if (!ADDRESS.test(from) && !NAMED_ADDRESS.test(from)) {
    throw new SettingsError(`EMAIL_FROM: expected an address or "Name <address>", got "${from}"`);
  }
  return { server: raw, from };
}

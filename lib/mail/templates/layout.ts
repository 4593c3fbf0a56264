/**
 * The one look of every message: plain text that reads well on its own, and a simple HTML
 * version (inline styles only: mail clients drop <style> and external CSS) naming the product.
 * Each message is a file beside this one that returns a MailMessage.
 */
import type { MailMessage } from '../index';
import { mailTranslator } from '../locale';
import { getSettings } from '@/lib/config/settings';
import type { Locale } from '@/lib/i18n/locales';

/** The name every message signs with: OAUTH2_BRAND_NAME (issue 23), "OAuth Server" by default. */
export function productName(): string {
  return getSettings().branding.name;
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export interface Layout {
  to: string;
  subject: string;
  /** Paragraphs before the button. */
  intro: string[];
  action?: { label: string; url: string };
  /** Paragraphs after the button: validity, "if this wasn't you". */
  outro?: string[];
  /** The language the words above are in (lib/mail/locale.ts); English when not given. */
  locale?: Locale;
}

export function renderMail({ to, subject, intro, action, outro = [], locale = 'en' }: Layout): MailMessage {
  const t = mailTranslator(locale);
  const text = [
    ...intro,
    ...(action ? [`${action.label}:\n${action.url}`] : []),
    ...outro,
    `— ${productName()}`,
  ].join('\n\n');
  const p = (s: string) => `<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(s)}</p>`;
  // English keeps its bare <html> (byte for byte what it always was); another language says which.
  const html = `<!doctype html>
<html${locale === 'en' ? '' : ` lang="${locale}"`}><body style="margin:0;padding:24px;background:#f4f4f5;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#18181b">
<div style="max-width:520px;margin:0 auto;background:#ffffff;border:1px solid #e4e4e7;border-radius:8px;padding:24px">
<p style="margin:0 0 20px;font-weight:600;font-size:16px">${escapeHtml(productName())}</p>
${intro.map(p).join('\n')}
${
  action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="display:inline-block;background:#18181b;color:#ffffff;text-decoration:none;padding:10px 18px;border-radius:6px;font-weight:600">${escapeHtml(action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;color:#52525b;word-break:break-all">${escapeHtml(t('layout.pasteLink', { url: action.url }))}</p>`
    : ''
}
${outro.map(p).join('\n')}
</div></body></html>`;
  return { to, subject, text, html, links: action ? [action.url] : [], locale };
}

/**
 * The message catalogues (messages/<locale>.json). English is the source: a key missing from
 * another language falls back to its English text (messages.test.ts fails on one, so it is caught
 * before it ships).
 */
import en from '@/messages/en.json';
import de from '@/messages/de.json';
import es from '@/messages/es.json';
import fr from '@/messages/fr.json';
import ja from '@/messages/ja.json';
import type { Locale } from './locales';

export type Messages = typeof en;
type Tree = { [key: string]: string | Tree };

export const CATALOGUES: Record<Locale, Tree> = { en, de, fr, es, ja };

/** `base` with every string `over` has replacing it (nested by namespace). */
function overlay(base: Tree, over: Tree | undefined): Tree {
  const out: Tree = {};
  for (const [key, value] of Object.entries(base)) {
    const other = over?.[key];
    if (typeof value === 'string') out[key] = typeof other === 'string' && other !== '' ? other : value;
    else out[key] = overlay(value, typeof other === 'object' ? other : undefined);
  }
  return out;
}

/** A catalogue with English filling any key it lacks (or leaves empty). */
export function withEnglishFallback(catalogue: Tree): Messages {
  return overlay(en, catalogue) as Messages;
}

const merged = new Map<Locale, Messages>();

export function messagesFor(locale: Locale): Messages {
  let m = merged.get(locale);
  if (!m) {
    m = locale === 'en' ? en : withEnglishFallback(CATALOGUES[locale]);
    merged.set(locale, m);
  }
  return m;
}

/** Every key path of a catalogue ("consent.authorize"), for the completeness test. */
export function keyPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keyPaths(v, `${prefix}${k}.`)));
}

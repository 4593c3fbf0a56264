/**
 * The message catalogues (messages/<locale>/<area>.json, joined by messages/<locale>/index.ts).
 * English is the source: a key missing from
 * another language falls back to its English text (messages.test.ts fails on one, so it is caught
 * before it ships).
 */
import de, { AREAS as deAreas } from '@/messages/de';
import en, { AREAS as enAreas } from '@/messages/en';
import es, { AREAS as esAreas } from '@/messages/es';
import fr, { AREAS as frAreas } from '@/messages/fr';
import ja, { AREAS as jaAreas } from '@/messages/ja';
import type { Locale } from './locales';

export type Messages = typeof en;
type Tree = { [key: string]: string | Tree };

export const CATALOGUES: Record<Locale, Tree> = { en, de, fr, es, ja };

/** Each language's area files, apart (the test checks that no namespace is in two of them). */
export const CATALOGUE_AREAS: Record<Locale, Record<string, Tree>> = {
  en: enAreas,
  de: deAreas,
  fr: frAreas,
  es: esAreas,
  ja: jaAreas,
};

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

import { describe, expect, it } from 'vitest';
import { LOCALES } from './locales';
import { CATALOGUE_AREAS, CATALOGUES, keyPaths, messagesFor, withEnglishFallback } from './messages';

type Tree = Parameters<typeof keyPaths>[0];

/** The {placeholders} and <tags> of a message: a translation must keep every one, or the page loses the value. */
function slots(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}|<(\/?\w+)>/g)].map((m) => m[1] ?? m[2]!).sort();
}

function lookup(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

describe('message catalogues (messages/<locale>/)', () => {
  const english = keyPaths(CATALOGUES.en);

  it.each(LOCALES.filter((l) => l !== 'en'))('%s has every English key and no other', (locale) => {
    const keys = keyPaths(CATALOGUES[locale]);
    expect(english.filter((k) => !keys.includes(k)), 'missing keys').toEqual([]);
    expect(keys.filter((k) => !english.includes(k)), 'keys English does not have').toEqual([]);
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s keeps every placeholder and tag of the English message', (locale) => {
    const broken = english.filter((k) => {
      const translated = lookup(CATALOGUES[locale], k);
      return translated !== undefined && slots(translated).join() !== slots(lookup(CATALOGUES.en, k)!).join();
    });
    expect(broken).toEqual([]);
  });

  it.each(LOCALES)('%s defines each namespace in one area file only (a second one would silently replace the first)', (locale) => {
    const owners = new Map<string, string[]>();
    for (const [area, tree] of Object.entries(CATALOGUE_AREAS[locale])) {
      for (const ns of Object.keys(tree)) owners.set(ns, [...(owners.get(ns) ?? []), area]);
    }
    expect([...owners].filter(([, areas]) => areas.length > 1)).toEqual([]);
  });

  it('a key missing from a translation falls back to its English text', () => {
    const german = structuredClone(CATALOGUES.de) as { login: Record<string, string> };
    delete german.login.submit;
    german.login.title = '';
    const merged = withEnglishFallback(german as unknown as Tree);
    expect(merged.login.submit).toBe('Sign in');
    expect(merged.login.title).toBe('Sign in');
    expect(merged.login.password).toBe('Passwort');
    expect(messagesFor('de').login.password).toBe('Passwort');
  });
});

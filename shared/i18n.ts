import type { Locale } from './schema/common';

export type Catalogue = Record<string, string>;

/**
 * A typed lookup over one catalogue per locale, Vietnamese the reference: a missing English key
 * falls back to Vietnamese, and {placeholders} are filled in.
 */
export function makeTranslator<K extends string>(catalogues: Record<Locale, Catalogue>) {
  return (locale: Locale, key: K, params: Record<string, string | number> = {}): string => {
    const template = catalogues[locale][key] ?? catalogues.vi[key] ?? key;
    return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
  };
}

import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/**
 * What a Vietnamese reader must never see on a dashboard page: an id or a slug ("trang-tien",
 * "sipas-5", "chi-so-1"), a UUID, an ISO date, or an English validator message. Runs in the page on
 * the visible text (form values included: a select's chosen option, an input's value).
 */
function find(root: string): string[] {
  const found: string[] = [];
  const slug = /\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b/;
  const uuid = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
  const isoDate = /\b\d{4}-\d{2}-\d{2}\b|\b\d{4}-Q[1-4]\b/;
  const english = /\b(the|invalid|expected|required|must|received|undefined|null|NaN|should|error|count)\b/i;
  const visible = (el: Element) => {
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return style.visibility !== 'hidden' && style.display !== 'none' && r.width > 0 && r.height > 0;
  };
  const texts: [string, Element][] = [];
  const walker = document.createTreeWalker(document.querySelector(root) ?? document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement!;
    if (!node.textContent?.trim() || !visible(el) || el.closest('option, script, style, [data-raw]')) continue;
    texts.push([node.textContent.trim(), el]);
  }
  for (const select of document.querySelectorAll(`${root} select`)) {
    const chosen = (select as HTMLSelectElement).selectedOptions[0];
    if (chosen && visible(select)) texts.push([chosen.textContent ?? '', select]);
  }
  for (const [text, el] of texts) {
    for (const [what, pattern] of [
      ['slug', slug],
      ['uuid', uuid],
      ['ISO date', isoDate],
      ['English', english],
    ] as const) {
      const match = pattern.exec(text);
      if (match) found.push(`${what} "${match[0]}" in <${el.tagName.toLowerCase()}> "${text.slice(0, 60)}"`);
    }
  }
  return [...new Set(found)];
}

/** `root`: where to look (the dashboard's page is its `main`; a kiosk's screens and dialogs are all of `body`). */
export const foreignWords = (page: Page, root = 'main') => page.evaluate(find, root);

/**
 * What an English reader must not see: a Vietnamese interface string (one the English catalogue
 * words differently, so a missing translation), a message key ("report.caption"), an id, a slug or
 * an ISO date. `vietnamese` holds the Vietnamese catalogue's strings without placeholders.
 */
function findUntranslated(vietnamese: string[]): string[] {
  const found: string[] = [];
  const wanted = new Set(vietnamese);
  const key = /^[a-z]+(?:\.[a-zA-Z]+)+$/;
  const slug = /\b[a-z][a-z0-9]*(?:-[a-z0-9]+)+\b/;
  const uuid = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i;
  const isoDate = /\b\d{4}-\d{2}-\d{2}\b|\b\d{4}-Q[1-4]\b/;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement!;
    const text = node.textContent?.trim() ?? '';
    const r = el.getBoundingClientRect();
    if (!text || r.width === 0 || r.height === 0 || el.closest('script, style, [data-raw], [lang="vi"]')) continue;
    const where = `<${el.tagName.toLowerCase()}> "${text.slice(0, 60)}"`;
    if (wanted.has(text)) found.push(`Vietnamese interface text in ${where}`);
    if (key.test(text)) found.push(`message key in ${where}`);
    for (const [what, pattern] of [
      ['slug', slug],
      ['uuid', uuid],
      ['ISO date', isoDate],
    ] as const) {
      const match = pattern.exec(text);
      if (match) found.push(`${what} "${match[0]}" in ${where}`);
    }
  }
  return [...new Set(found)];
}

export const untranslatedWords = (page: Page, vietnamese: string[]) => page.evaluate(findUntranslated, vietnamese);

/** An app's message catalogue (`dashboard` or `renderer`, the kiosk), read in Node. */
export const catalogue = (app: 'dashboard' | 'renderer', lang: 'vi' | 'en') =>
  JSON.parse(readFileSync(new URL(`../../${app}/i18n/${lang}.json`, import.meta.url), 'utf8')) as Record<string, string>;

/** The Vietnamese catalogue's own words (those English says differently), placeholders left out. */
export function vietnameseOnly(app: 'dashboard' | 'renderer'): string[] {
  const english = catalogue(app, 'en');
  return Object.entries(catalogue(app, 'vi'))
    .filter(([key, text]) => english[key] !== text && !text.includes('{'))
    .map(([, text]) => text);
}

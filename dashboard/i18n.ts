import { createContext, useContext } from 'react';
import { z } from 'zod';
import { makeTranslator } from '../shared/i18n';
import type { Locale } from '../shared/schema/common';
import en from './i18n/en.json';
import vi from './i18n/vi.json';

export type DashboardKey = keyof typeof vi;
const Messages = z.record(z.string(), z.string().min(1));
export const dashboardCatalogues = { vi: Messages.parse(vi), en: Messages.parse(en) };
const translate = makeTranslator<DashboardKey>(dashboardCatalogues);

export const LocaleContext = createContext<Locale>('vi');

export function useT() {
  const locale = useContext(LocaleContext);
  return (key: DashboardKey, params?: Record<string, string | number>) => translate(locale, key, params);
}

/** The switch's own words are in the other language: said with that language's `lang`, for screen readers. */
export function useOtherLanguage(): Locale {
  return useContext(LocaleContext) === 'vi' ? 'en' : 'vi';
}

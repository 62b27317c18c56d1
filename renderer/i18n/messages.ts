import { z } from 'zod';
import { makeTranslator } from '../../shared/i18n';
import type { Locale, LocalizedText } from '../../shared/schema/common';
import en from './en.json';
import vi from './vi.json';

/** Vietnamese is the reference: every key it has, English must have too (checked by a unit test). */
export type MessageKey = keyof typeof vi;

const Messages = z.record(z.string(), z.string().min(1));
const catalogues = { vi: Messages.parse(vi), en: Messages.parse(en) };

/** The UI's words in the citizen's language, with {placeholders} filled in. */
export const translate = makeTranslator<MessageKey>(catalogues);

/** A template's own text (ward names, criteria, levels) in the citizen's language. */
export const localized = (text: LocalizedText, locale: Locale): string => text[locale];

export const catalogueKeys = (locale: Locale): string[] => Object.keys(catalogues[locale]).sort();

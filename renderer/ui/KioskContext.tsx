import { createContext, useContext } from 'react';
import type { Locale } from '../../shared/schema/common';
import type { FlowEvent } from '../../shared/flow/rating-machine';
import { translate, type MessageKey } from '../i18n/messages';

export interface KioskView {
  locale: Locale;
  send: (event: FlowEvent) => void;
}

export const KioskViewContext = createContext<KioskView | null>(null);

/** Screens read the locale and send events; they never touch storage or timers. */
export function useKioskView() {
  const view = useContext(KioskViewContext);
  if (!view) throw new Error('useKioskView outside the kiosk');
  const t = (key: MessageKey, params?: Record<string, string | number>) => translate(view.locale, key, params);
  return { ...view, t };
}

import { ApiFailure } from './api';
import { dashboardCatalogues, useT, type DashboardKey } from './i18n';

/**
 * What went wrong, in the reader's language, by the server's stable error code: never the server's
 * English message, never a stack.
 */
export function useErrorText() {
  const t = useT();
  return (error: unknown): string => {
    const code = error instanceof ApiFailure ? error.code : 'internal';
    const key = `error.${code}`;
    return key in dashboardCatalogues.vi ? t(key as DashboardKey) : t('error.other', { code });
  };
}

/** The error's code when it is one of the server's, for showing it beside the field it concerns. */
export const errorCode = (error: unknown): string | null => (error instanceof ApiFailure ? error.code : null);

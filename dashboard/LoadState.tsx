import { useErrorText } from './errors';
import { useT } from './i18n';

/**
 * A report's state while it is not on screen: loading, or why it failed (in the reader's language,
 * by the server's error code). A failed load leaves no old figures behind (useLoad clears them).
 */
export function LoadState({ loading, failure }: { loading: boolean; failure: unknown }) {
  const t = useT();
  const errorText = useErrorText();
  if (loading)
    return (
      <p role="status" className="loading">
        {t('report.loading')}
      </p>
    );
  if (failure === undefined) return null;
  return (
    <p role="alert" className="problem">
      {t('report.failed', { reason: errorText(failure) })}
    </p>
  );
}

/** A download that failed, said beside its button. */
export function DownloadFailure({ failure }: { failure: unknown }) {
  const t = useT();
  const errorText = useErrorText();
  if (failure === null) return null;
  return (
    <span role="alert" className="problem">
      {t('report.exportFailed', { reason: errorText(failure) })}
    </span>
  );
}

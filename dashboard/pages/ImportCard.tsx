import { useState } from 'react';
import { adminApi, type ImportSummary } from '../../shared/contract/admin-api';
import type { ExportFile } from '../../shared/contract/export-file';
import { ApiFailure, call } from '../api';
import { useT } from '../i18n';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done'; summary: ImportSummary } | { kind: 'failed'; message: string };

/**
 * Ratings a kiosk without a network exported to a USB stick: the file is read here and sent as is;
 * the server checks its signature and stores each rating once, so importing it twice is harmless.
 */
export function ImportCard({ onImported }: { onImported: () => void }) {
  const t = useT();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const importFile = async (file: File) => {
    setStatus({ kind: 'busy' });
    try {
      // Sent as read: the server checks the file against its schema and its signature.
      const body = JSON.parse(await file.text()) as ExportFile;
      const summary = await call(adminApi.importExport, { body });
      setStatus({ kind: 'done', summary });
      onImported();
    } catch (error) {
      setStatus({ kind: 'failed', message: error instanceof ApiFailure ? error.message : t('import.notJson') });
    }
  };
  return (
    <section className="import-card" aria-label={t('import.title')}>
      <h2>{t('import.title')}</h2>
      <p>{t('import.help')}</p>
      <label>
        {t('import.choose')}{' '}
        <input
          type="file"
          accept="application/json,.json"
          disabled={status.kind === 'busy'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </label>
      {status.kind === 'done' && (
        <p role="status">
          {t('import.done', {
            kiosk: status.summary.kioskId.slice(0, 8),
            ratings: status.summary.ratings,
            accepted: status.summary.accepted,
            duplicate: status.summary.duplicate,
            rejected: status.summary.rejected,
          })}
        </p>
      )}
      {status.kind === 'failed' && <p role="alert">{t('import.failed', { message: status.message })}</p>}
    </section>
  );
}

import { useState } from 'react';
import { adminApi, type ImportSummary } from '../../shared/contract/admin-api';
import type { ExportFile } from '../../shared/contract/export-file';
import { ApiFailure, call } from '../api';
import { useErrorText } from '../errors';
import { useT } from '../i18n';

type Outcome = { file: string } & ({ kind: 'done'; summary: ImportSummary } | { kind: 'failed'; message: string });
type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'finished'; outcomes: Outcome[] };

/**
 * Ratings a kiosk without a network exported to a USB stick: the file is read here and sent as is;
 * the server checks its signature and stores each rating once, so importing it twice is harmless.
 */
export function ImportCard({ onImported }: { onImported: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // A large backlog comes as several files: each is imported on its own, in the order chosen.
  const importFiles = async (files: File[]) => {
    setStatus({ kind: 'busy' });
    const outcomes: Outcome[] = [];
    for (const file of files) {
      try {
        // Sent as read: the server checks the file against its schema and its signature.
        const body = JSON.parse(await file.text()) as ExportFile;
        outcomes.push({ file: file.name, kind: 'done', summary: await call(adminApi.importExport, { body }) });
      } catch (error) {
        outcomes.push({ file: file.name, kind: 'failed', message: error instanceof ApiFailure ? errorText(error) : t('import.notJson') });
      }
    }
    setStatus({ kind: 'finished', outcomes });
    if (outcomes.some((o) => o.kind === 'done')) onImported();
  };
  return (
    <section className="import-card" aria-label={t('import.title')}>
      <h2>{t('import.title')}</h2>
      <p>{t('import.help')}</p>
      <label>
        {t('import.choose')}
        <input
          type="file"
          accept="application/json,.json"
          multiple
          disabled={status.kind === 'busy'}
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            if (files.length > 0) void importFiles(files);
          }}
        />
      </label>
      {status.kind === 'finished' &&
        status.outcomes.map((o, i) =>
          o.kind === 'done' ? (
            <p role="status" key={i}>
              {t('import.done', {
                kiosk: o.summary.kioskId.slice(0, 8),
                ratings: o.summary.ratings,
                accepted: o.summary.accepted,
                duplicate: o.summary.duplicate,
                rejected: o.summary.rejected,
              })}
            </p>
          ) : (
            <p role="alert" key={i}>
              {t('import.failed', { message: `${o.file}: ${o.message}` })}
            </p>
          ),
        )}
    </section>
  );
}

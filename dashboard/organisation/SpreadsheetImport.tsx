import { useState } from 'react';
import { districtApi, type OrganisationImportResult } from '../../shared/contract/district-api';
import type { ImportProblem } from '../../shared/organisation/import-plan';
import { call, urlOf } from '../api';
import { useErrorText } from '../errors';
import { useT, type DashboardKey } from '../i18n';

const MAX_BYTES = 5 * 1024 * 1024;

/** The file's bytes as base64, as the import route takes them. */
async function base64Of(file: File) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Wards, counters and officials from the Excel template: a preview with every row's problem, then apply. */
export function SpreadsheetImport({ onApplied }: { onApplied: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [file, setFile] = useState<string | null>(null);
  const [preview, setPreview] = useState<OrganisationImportResult | null>(null);
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async (content: string, apply: boolean) => {
    setBusy(true);
    try {
      const result = await call(districtApi.importSpreadsheet, { body: { file: content, apply } });
      setPreview(result);
      if (result.applied) {
        setNote({ ok: true, text: t('orgImport.applied', { created: result.created, changed: result.changed }) });
        setFile(null);
        setPreview(null);
        onApplied();
      }
    } catch (error) {
      setPreview(null);
      setNote({ ok: false, text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };
  const where = (p: ImportProblem) =>
    p.row === null && p.column === null
      ? t('orgImport.whereSheet', { sheet: p.sheet })
      : p.row === null
        ? `${t('orgImport.whereSheet', { sheet: p.sheet })}, “${p.column}”`
        : p.column === null
          ? t('orgImport.whereRow', { sheet: p.sheet, row: p.row })
          : t('orgImport.where', { sheet: p.sheet, row: p.row, column: p.column });
  const changes = preview?.steps.filter((s) => s.kind !== 'same') ?? [];
  return (
    <section className="panel" aria-label={t('orgImport.title')}>
      <h2>{t('orgImport.title')}</h2>
      <p>{t('orgImport.help')}</p>
      <div className="actions">
        <a href={urlOf(districtApi.spreadsheet)} download>
          {t('orgImport.template')}
        </a>
        <label>
          {t('orgImport.choose')}
          <input
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              const chosen = e.target.files?.[0];
              setNote(null);
              setPreview(null);
              if (!chosen) return;
              if (chosen.size > MAX_BYTES) return setNote({ ok: false, text: t('orgImport.tooLarge') });
              void base64Of(chosen).then((content) => {
                setFile(content);
                return send(content, false);
              });
            }}
          />
        </label>
      </div>
      {busy && <p role="status">{t('orgImport.checking')}</p>}
      {note && <p role={note.ok ? 'status' : 'alert'}>{note.text}</p>}
      {preview && preview.problems.length > 0 && (
        <div role="alert">
          <p>{t('orgImport.problems', { count: preview.problems.length })}</p>
          <ul>
            {preview.problems.map((p, i) => (
              <li key={i}>
                {where(p)}: {t(`orgImport.problem.${p.problem}` as DashboardKey, { value: p.value ?? '' })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {preview && (
        <>
          <p>
            {changes.length === 0
              ? t('orgImport.nothing')
              : t('orgImport.summary', { created: preview.created, changed: preview.changed, unchanged: preview.unchanged })}
          </p>
          {changes.length > 0 && (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('orgImport.row')}</th>
                  <th scope="col">{t('audit.what')}</th>
                  <th scope="col">{t('audit.subject')}</th>
                  <th scope="col">{t('audit.change')}</th>
                </tr>
              </thead>
              <tbody>
                {changes.map((s) => (
                  <tr key={`${s.sheet}-${s.row}`}>
                    <td>
                      {s.sheet} {s.row}
                    </td>
                    <td>
                      {t(`orgImport.kind.${s.kind}` as DashboardKey)}: {t(`orgImport.what.${s.what}` as DashboardKey)}
                    </td>
                    <td>{s.name}</td>
                    <td className="muted">
                      {s.fields.map((f) => (
                        <div key={f.field}>
                          {t(`audit.field.${f.field}` as DashboardKey)}: {f.from ?? '—'} → {f.to ?? '—'}
                        </div>
                      ))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <button
            type="button"
            disabled={busy || !file || preview.problems.length > 0 || changes.length === 0}
            onClick={() => file && void send(file, true)}
          >
            {t('orgImport.apply')}
          </button>
        </>
      )}
    </section>
  );
}

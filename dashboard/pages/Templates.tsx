import { useState } from 'react';
import { adminApi } from '../../shared/contract/admin-api';
import { call } from '../api';
import { useT } from '../i18n';
import { useLoad } from '../useLoad';

export function Templates({ canManage }: { canManage: boolean }) {
  const t = useT();
  const templates = useLoad(() => call(adminApi.templates), []);
  const wards = useLoad(() => call(adminApi.wards), []);
  const [editing, setEditing] = useState<{ id: string; text: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const attempt = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const assign = (wardId: string, templateId: string) =>
    attempt(async () => {
      await call(adminApi.assignTemplate, { params: { id: wardId }, body: { templateId } });
      wards.reload();
    });
  const save = () =>
    attempt(async () => {
      await call(adminApi.saveTemplate, { body: JSON.parse(editing!.text) });
      setEditing(null);
      templates.reload();
    });
  return (
    <div>
      {error && <p role="alert">{t('common.error', { message: error })}</p>}
      {templates.data?.map(({ versions, ...template }) => (
        <section key={template.id} className="template">
          <h2>{template.name.vi}</h2>
          <p>{t('templates.versions', { versions: versions.join(', ') })}</p>
          {canManage && (
            <>
              <label>
                {t('templates.assign')}{' '}
                <select value="" onChange={(e) => e.target.value && void assign(e.target.value, template.id)}>
                  <option value="" />
                  {wards.data
                    ?.filter((w) => w.templateId !== template.id)
                    .map((w) => (
                      <option key={w.id} value={w.id}>
                        {w.name.vi}
                      </option>
                    ))}
                </select>
              </label>{' '}
              <button type="button" onClick={() => setEditing({ id: template.id, text: JSON.stringify(template, null, 2) })}>
                {t('templates.edit')}
              </button>{' '}
              {/* A new template starts as a copy with its own id: the server gives it version 1. */}
              <button
                type="button"
                onClick={() => setEditing({ id: template.id, text: JSON.stringify({ ...template, id: `${template.id}-moi` }, null, 2) })}
              >
                {t('templates.copy')}
              </button>
            </>
          )}
          <p>
            {wards.data
              ?.filter((w) => w.templateId === template.id)
              .map((w) => w.name.vi)
              .join(', ')}
          </p>
          {editing?.id === template.id && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                void save();
              }}
            >
              <label>
                {t('templates.json')}
                <textarea rows={16} value={editing.text} onChange={(e) => setEditing({ ...editing, text: e.target.value })} />
              </label>
              <button type="submit">{t('common.save')}</button>
            </form>
          )}
        </section>
      ))}
    </div>
  );
}

import { useState } from 'react';
import { adminApi } from '../../shared/contract/admin-api';
import type { SurveyTemplate } from '../../shared/schema/template';
import { call } from '../api';
import { useErrorText } from '../errors';
import { useT } from '../i18n';
import { TemplateEditor } from '../templates/TemplateEditor';
import { useLoad } from '../useLoad';

type Editing = { id: string; isNew: boolean; draft: Omit<SurveyTemplate, 'version'> };

/** The district's survey templates: which wards use each, assignment, and the editor (a form). */
export function Templates({ canManage }: { canManage: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const templates = useLoad(() => call(adminApi.templates), []);
  const wards = useLoad(() => call(adminApi.wards), []);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [outcome, setOutcome] = useState<{ id: string; ok: boolean; text: string } | null>(null);
  const assign = async (wardId: string, templateId: string) => {
    setOutcome(null);
    try {
      await call(adminApi.assignTemplate, { params: { id: wardId }, body: { templateId } });
      const ward = wards.data?.find((w) => w.id === wardId)?.name.vi ?? '';
      setOutcome({ id: templateId, ok: true, text: t('templates.assigned', { ward }) });
      wards.reload();
    } catch (error) {
      setOutcome({ id: templateId, ok: false, text: errorText(error) });
    }
  };
  if (templates.failure !== undefined) return <p role="alert">{errorText(templates.failure)}</p>;
  return (
    <div>
      {templates.data?.map(({ versions, ...template }) => (
        <section key={template.id} className="template" aria-label={template.name.vi}>
          <h2>{template.name.vi}</h2>
          <p>{t('templates.versions', { versions: versions.join(', ') })}</p>
          <p>
            {t('templates.usedBy')}{' '}
            {wards.data
              ?.filter((w) => w.templateId === template.id)
              .map((w) => w.name.vi)
              .join(', ') || t('templates.unused')}
          </p>
          {canManage && (
            <div className="editor-actions">
              <label>
                {t('templates.assign')}
                <select value="" onChange={(e) => e.target.value && void assign(e.target.value, template.id)}>
                  <option value="">{t('templates.chooseWard')}</option>
                  {wards.data
                    ?.filter((w) => w.templateId !== template.id)
                    .map((w) => (
                      <option key={w.id} value={w.id}>
                        {w.name.vi}
                      </option>
                    ))}
                </select>
              </label>
              <button type="button" onClick={() => setEditing({ id: template.id, isNew: false, draft: template })}>
                {t('templates.edit')}
              </button>
              {/* A new template starts as a copy; the server gives it version 1. */}
              <button
                type="button"
                onClick={() =>
                  setEditing({
                    id: template.id,
                    isNew: true,
                    draft: { ...template, name: { vi: `${template.name.vi} (bản sao)`, en: `${template.name.en} (copy)` } },
                  })
                }
              >
                {t('templates.copy')}
              </button>
            </div>
          )}
          {outcome?.id === template.id && (
            <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'done' : 'problem'}>
              {outcome.text}
            </p>
          )}
          {editing?.id === template.id && (
            <TemplateEditor
              key={`${editing.id}|${editing.isNew}`}
              initial={editing.draft}
              isNew={editing.isNew}
              takenIds={templates.data?.map((x) => x.id) ?? []}
              onCancel={() => setEditing(null)}
              onSaved={() => {
                setEditing(null);
                setOutcome({ id: template.id, ok: true, text: t('templates.saved') });
                templates.reload();
              }}
            />
          )}
        </section>
      ))}
    </div>
  );
}

import { useState } from 'react';
import type { SurveyTemplate } from '../../shared/schema/template';
import { useT } from '../i18n';

/**
 * What the kiosk will show, drawn small beside the editor: the start screen's question and faces,
 * then each criterion with its answers, the reasons, the comment. In either language.
 */
export function TemplatePreview({ template }: { template: Omit<SurveyTemplate, 'version'> }) {
  const t = useT();
  const [locale, setLocale] = useState<'vi' | 'en'>('vi');
  return (
    <aside className="template-preview" aria-label={t('editor.preview')}>
      <div className="preview-head">
        <h3>{t('editor.preview')}</h3>
        <div className="segmented" role="radiogroup" aria-label={t('editor.previewLanguage')}>
          {(['vi', 'en'] as const).map((l) => (
            <button key={l} type="button" role="radio" aria-checked={locale === l} onClick={() => setLocale(l)}>
              {t(l === 'vi' ? 'editor.vi' : 'editor.en')}
            </button>
          ))}
        </div>
      </div>
      <div className="preview-screen" lang={locale}>
        <p className="preview-question">{template.question[locale] || '…'}</p>
        <ol className={`preview-faces preview-faces-${template.scale.length}`}>
          {template.scale.map((level) => (
            <li key={level.value} className={`preview-face face-${level.face}`}>
              <span className="preview-disc" aria-hidden="true" />
              {level.label[locale]}
            </li>
          ))}
        </ol>
        {template.dossier && <p className="preview-step">{t('editor.previewDossier', { example: template.dossier.example })}</p>}
        {template.criteria.map((criterion, i) => (
          <div className="preview-step" key={criterion.id}>
            <p>
              <strong>
                {i + 1}/{template.criteria.length} {criterion.label[locale]}
              </strong>
              {criterion.question[locale] && ` · ${criterion.question[locale]}`}
            </p>
            <ul className="preview-answers">
              {criterion.levels.map((level) => (
                <li key={level.value}>
                  {criterion.answerStyle === 'faces' && <span className={`preview-disc face-${level.face}`} aria-hidden="true" />}
                  {level.label[locale]}
                </li>
              ))}
            </ul>
          </div>
        ))}
        {template.reasons.length > 0 && (
          <div className="preview-step">
            <p>
              <strong>{t('editor.reasons')}</strong>
            </p>
            <ul className="preview-answers">
              {template.reasons.map((r) => (
                <li key={r.code}>
                  ☐ {r.label[locale]}
                  {r.levels && (
                    <span className="preview-only">
                      {' '}
                      (
                      {template.scale
                        .filter((level) => r.levels!.includes(level.value))
                        .map((level) => level.label[locale])
                        .join(', ')}
                      )
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        {template.comment.enabled && <p className="preview-step">{t('editor.previewComment')}</p>}
      </div>
    </aside>
  );
}

import { useContext, useState } from 'react';
import { adminApi } from '../../shared/contract/admin-api';
import { checkDossierCode } from '../../shared/input/scanner';
import { fileSlug } from '../../shared/report/naming';
import type { LocalizedText } from '../../shared/schema/common';
import { SurveyTemplate, type Criterion, type ScaleLevel } from '../../shared/schema/template';
import { fiveLevelScale, threeLevelScale } from '../../shared/templates/scales';
import { call } from '../api';
import { useErrorText } from '../errors';
import { LocaleContext, useT } from '../i18n';
import { TemplatePreview } from './TemplatePreview';

type Draft = Omit<SurveyTemplate, 'version'> & { version?: number };

/** Both languages side by side: Vietnamese first, English beside it. */
function Bilingual({
  label,
  value,
  onChange,
  long = false,
}: {
  label: string;
  value: LocalizedText;
  onChange: (v: LocalizedText) => void;
  long?: boolean;
}) {
  const t = useT();
  const Input = long ? 'textarea' : 'input';
  return (
    <fieldset className="bilingual">
      <legend>{label}</legend>
      <label>
        {t('editor.vi')}
        <Input value={value.vi} rows={long ? 2 : undefined} onChange={(e) => onChange({ ...value, vi: e.target.value })} />
      </label>
      <label>
        {t('editor.en')}
        <Input value={value.en} rows={long ? 2 : undefined} onChange={(e) => onChange({ ...value, en: e.target.value })} />
      </label>
    </fieldset>
  );
}

/**
 * The levels (among those that ask for reasons) at which one reason is offered. All of them is said
 * by leaving `levels` out, as templates written before reasons per level do; the last one stays.
 */
function ReasonLevels({
  levels,
  offeredAt,
  onChange,
}: {
  levels: ScaleLevel[];
  offeredAt: number[] | undefined;
  onChange: (levels: number[] | undefined) => void;
}) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const offered = (value: number) => offeredAt === undefined || offeredAt.includes(value);
  const chosen = levels.filter((level) => offered(level.value)).map((level) => level.value);
  return (
    <fieldset className="editor-checks">
      <legend>{t('editor.reasonLevels')}</legend>
      {levels.map((level) => (
        <label className="check" key={level.value}>
          <input
            type="checkbox"
            checked={offered(level.value)}
            disabled={offered(level.value) && chosen.length === 1}
            onChange={(e) => {
              const next = e.target.checked ? [...chosen, level.value] : chosen.filter((v) => v !== level.value);
              onChange(next.length === levels.length ? undefined : levels.map((l) => l.value).filter((v) => next.includes(v)));
            }}
          />
          {level.label[locale]}
        </label>
      ))}
    </fieldset>
  );
}

/** A new id from a name, kept apart from the ones already used. */
const newId = (name: string, used: string[], fallback: string) => {
  const base = fileSlug(name) || fallback;
  let id = base;
  for (let n = 2; used.includes(id); n++) id = `${base}-${n}`;
  return id;
};

const move = <T,>(items: T[], from: number, to: number) => {
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
};

/**
 * A survey template as a form: its question and scale, the criteria (added, reordered, removed),
 * the reasons and the levels that ask for them, the comment, the dossier code with a tester, the
 * walk-away time; both languages side by side and a preview of the kiosk beside the form. Saving
 * stores the next version; JSON stays available as an export.
 */
export function TemplateEditor({
  initial,
  isNew,
  takenIds,
  onSaved,
  onCancel,
}: {
  initial: Draft;
  isNew: boolean;
  /** The district's template ids: a new template never takes one (it would become its next version). */
  takenIds: string[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const locale = useContext(LocaleContext);
  const errorText = useErrorText();
  const [draft, setDraft] = useState<Draft>(initial);
  const [tester, setTester] = useState(initial.dossier?.example ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  const set = (next: Partial<Draft>) => setDraft({ ...draft, ...next });
  const setCriterion = (i: number, next: Partial<Criterion>) =>
    set({ criteria: draft.criteria.map((c, j) => (i === j ? { ...c, ...next } : c)) });
  const setScaleSize = (size: 3 | 5) => {
    const scale: ScaleLevel[] = size === 5 ? fiveLevelScale : threeLevelScale;
    set({
      scale,
      reasonsFor: scale.slice(-2).map((l) => l.value),
      criteria: draft.criteria.map((c) => (c.answerStyle === 'faces' ? { ...c, levels: scale } : c)),
    });
  };
  const save = async () => {
    setProblem(null);
    const id = isNew ? newId(draft.name.vi, takenIds, 'mau-khao-sat') : draft.id;
    const { version: _version, ...body } = { ...draft, id };
    const checked = SurveyTemplate.safeParse({ ...body, version: 1 });
    if (!checked.success) return setProblem(t('editor.invalid'));
    try {
      await call(adminApi.saveTemplate, { body });
      onSaved();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  const exportJson = () => {
    const url = URL.createObjectURL(new Blob([JSON.stringify(draft, null, 2)], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `mau-khao-sat_${fileSlug(draft.name.vi) || 'moi'}.json`;
    link.click();
    URL.revokeObjectURL(url);
  };
  const dossierCheck = draft.dossier && tester.trim() ? checkDossierCode(tester, { ...draft.dossier, required: true }) : null;

  return (
    <div className="template-editor">
      <form
        className="editor-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <Bilingual label={t('editor.name')} value={draft.name} onChange={(name) => set({ name })} />
        <Bilingual label={t('editor.question')} value={draft.question} onChange={(question) => set({ question })} long />
        <fieldset>
          <legend>{t('editor.scale')}</legend>
          <div className="segmented" role="radiogroup" aria-label={t('editor.scale')}>
            {([5, 3] as const).map((size) => (
              <button key={size} type="button" role="radio" aria-checked={draft.scale.length === size} onClick={() => setScaleSize(size)}>
                {t('editor.levels', { n: size })}
              </button>
            ))}
          </div>
          {draft.scale.map((level, i) => (
            <Bilingual
              key={level.value}
              label={t('editor.level', { n: i + 1 })}
              value={level.label}
              onChange={(label) => set({ scale: draft.scale.map((l, j) => (i === j ? { ...l, label } : l)) })}
            />
          ))}
        </fieldset>

        <fieldset>
          <legend>{t('editor.criteria')}</legend>
          {draft.criteria.length === 0 && <p className="hint">{t('editor.noCriteria')}</p>}
          {draft.criteria.map((criterion, i) => (
            <div className="editor-item" key={criterion.id}>
              <Bilingual
                label={t('editor.criterion', { n: i + 1 })}
                value={criterion.label}
                onChange={(label) => setCriterion(i, { label })}
              />
              <Bilingual
                label={t('editor.criterionQuestion')}
                value={criterion.question}
                onChange={(question) => setCriterion(i, { question })}
                long
              />
              <label>
                {t('editor.answerStyle')}
                <select
                  value={criterion.answerStyle}
                  onChange={(e) => setCriterion(i, { answerStyle: e.target.value === 'words' ? 'words' : 'faces' })}
                >
                  <option value="faces">{t('editor.answerStyle.faces')}</option>
                  <option value="words">{t('editor.answerStyle.words')}</option>
                </select>
              </label>
              {/* A fact's answers are its own words ("Trước hạn", "Quá hạn"), best first. */}
              <details open={criterion.answerStyle === 'words'}>
                <summary>{t('editor.answers', { n: criterion.levels.length })}</summary>
                {criterion.levels.map((level, k) => (
                  <Bilingual
                    key={level.value}
                    label={t('editor.answer', { n: k + 1 })}
                    value={level.label}
                    onChange={(label) => setCriterion(i, { levels: criterion.levels.map((l, m) => (m === k ? { ...l, label } : l)) })}
                  />
                ))}
              </details>
              <div className="editor-actions">
                <button type="button" disabled={i === 0} onClick={() => set({ criteria: move(draft.criteria, i, i - 1) })}>
                  {t('editor.up')}
                </button>
                <button
                  type="button"
                  disabled={i === draft.criteria.length - 1}
                  onClick={() => set({ criteria: move(draft.criteria, i, i + 1) })}
                >
                  {t('editor.down')}
                </button>
                <button type="button" className="danger" onClick={() => set({ criteria: draft.criteria.filter((_, j) => j !== i) })}>
                  {t('editor.remove')}
                </button>
              </div>
            </div>
          ))}
          <button
            type="button"
            disabled={draft.criteria.length >= 12}
            onClick={() =>
              set({
                criteria: [
                  ...draft.criteria,
                  {
                    id: newId(
                      `tieu-chi-${draft.criteria.length + 1}`,
                      draft.criteria.map((c) => c.id),
                      'tieu-chi',
                    ),
                    label: { vi: t('editor.newCriterion'), en: 'New criterion' },
                    question: { vi: '', en: '' },
                    levels: draft.scale,
                    answerStyle: 'faces',
                  },
                ],
              })
            }
          >
            {t('editor.addCriterion')}
          </button>
        </fieldset>

        <fieldset>
          <legend>{t('editor.reasons')}</legend>
          <p className="hint">{t('editor.reasonsFor')}</p>
          <div className="editor-checks">
            {draft.scale.map((level) => (
              <label className="check" key={level.value}>
                <input
                  type="checkbox"
                  checked={draft.reasonsFor.includes(level.value)}
                  onChange={(e) =>
                    set({
                      reasonsFor: e.target.checked ? [...draft.reasonsFor, level.value] : draft.reasonsFor.filter((v) => v !== level.value),
                    })
                  }
                />
                {level.label[locale]}
              </label>
            ))}
          </div>
          {draft.reasons.map((reason, i) => (
            <div className="editor-item" key={reason.code}>
              <Bilingual
                label={t('editor.reason', { n: i + 1 })}
                value={reason.label}
                onChange={(label) => set({ reasons: draft.reasons.map((r, j) => (i === j ? { ...r, label } : r)) })}
              />
              <ReasonLevels
                levels={draft.scale.filter((level) => draft.reasonsFor.includes(level.value))}
                offeredAt={reason.levels}
                onChange={(levels) =>
                  set({
                    reasons: draft.reasons.map((r, j) => {
                      if (i !== j) return r;
                      const { levels: _old, ...rest } = r;
                      return levels === undefined ? rest : { ...rest, levels };
                    }),
                  })
                }
              />
              <button type="button" className="danger" onClick={() => set({ reasons: draft.reasons.filter((_, j) => j !== i) })}>
                {t('editor.remove')}
              </button>
            </div>
          ))}
          <button
            type="button"
            disabled={draft.reasons.length >= 12}
            onClick={() =>
              set({
                reasons: [
                  ...draft.reasons,
                  {
                    code: newId(
                      `ly-do-${draft.reasons.length + 1}`,
                      draft.reasons.map((r) => r.code),
                      'ly-do',
                    ),
                    label: { vi: t('editor.newReason'), en: 'New reason' },
                  },
                ],
              })
            }
          >
            {t('editor.addReason')}
          </button>
        </fieldset>

        <fieldset>
          <legend>{t('editor.more')}</legend>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.comment.enabled}
              onChange={(e) => set({ comment: { ...draft.comment, enabled: e.target.checked } })}
            />
            {t('editor.comment')}
          </label>
          <label>
            {t('editor.idle')}
            <input
              type="number"
              min={10}
              max={300}
              value={draft.idleTimeoutSeconds}
              onChange={(e) => set({ idleTimeoutSeconds: Number(e.target.value) || 20 })}
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={draft.dossier !== undefined}
              onChange={(e) => {
                const { dossier: _dossier, ...rest } = draft;
                setDraft(
                  e.target.checked
                    ? {
                        ...rest,
                        dossier: { required: false, pattern: '[0-9A-Z.]{5,30}-\\d{6}-\\d{4}', example: '000.00.15.H26-241122-0001' },
                      }
                    : rest,
                );
              }}
            />
            {t('editor.dossier')}
          </label>
          {draft.dossier && (
            <div className="editor-item">
              <label className="check">
                <input
                  type="checkbox"
                  checked={draft.dossier.required}
                  onChange={(e) => set({ dossier: { ...draft.dossier!, required: e.target.checked } })}
                />
                {t('editor.dossierRequired')}
              </label>
              <label>
                {t('editor.dossierPattern')}
                <input
                  value={draft.dossier.pattern}
                  onChange={(e) => set({ dossier: { ...draft.dossier!, pattern: e.target.value } })}
                  spellCheck={false}
                />
              </label>
              <label>
                {t('editor.dossierExample')}
                <input
                  value={draft.dossier.example}
                  onChange={(e) => set({ dossier: { ...draft.dossier!, example: e.target.value } })}
                  spellCheck={false}
                />
              </label>
              <label>
                {t('editor.dossierTester')}
                <input value={tester} onChange={(e) => setTester(e.target.value)} spellCheck={false} />
              </label>
              {dossierCheck && (
                <p role="status" className={dossierCheck === 'ok' ? 'done' : 'problem'}>
                  {t(dossierCheck === 'ok' ? 'editor.dossierMatches' : 'editor.dossierDoesNotMatch')}
                </p>
              )}
            </div>
          )}
        </fieldset>

        <div className="editor-actions">
          <button type="submit">{t('editor.save')}</button>
          <button type="button" onClick={exportJson}>
            {t('editor.exportJson')}
          </button>
          <button type="button" onClick={onCancel}>
            {t('org.cancel')}
          </button>
          {problem && (
            <p role="alert" className="problem">
              {problem}
            </p>
          )}
        </div>
      </form>
      <TemplatePreview template={draft} />
    </div>
  );
}

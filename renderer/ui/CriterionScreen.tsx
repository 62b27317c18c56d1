import type { Criterion } from '../../shared/schema/template';
import { localized } from '../i18n/messages';
import { FaceIcon } from './FaceIcon';
import { Footer } from './Footer';
import { useKioskView } from './KioskContext';
import { ScreenHeading } from './ScreenHeading';

interface Props {
  criterion: Criterion;
  index: number;
  total: number;
  answer: number | undefined;
}

/**
 * One criterion at a time, as a list of answers with a tick box each, unlike the start screen's big
 * faces. Opinions keep small faces; facts ("Quá hạn", "Hơn một lần") are words only.
 */
export function CriterionScreen({ criterion, index, total, answer }: Props) {
  const { locale, send, t } = useKioskView();
  const labelId = `criterion-${criterion.id}`;
  const progress = { current: index + 1, total };
  const words = criterion.answerStyle === 'words';
  return (
    <section className="screen screen-criterion" data-screen="criteria">
      <p className="progress" aria-label={t('criteria.progressLabel', progress)}>
        {t('criteria.progress', progress)}
      </p>
      <ScreenHeading id={labelId} className="criterion-label">
        {localized(criterion.label, locale)}
      </ScreenHeading>
      <p className="criterion-question">{localized(criterion.question, locale)}</p>
      <div
        role="radiogroup"
        aria-labelledby={labelId}
        className={`levels levels-${criterion.levels.length} ${words ? 'levels-words' : ''}`}
      >
        {criterion.levels.map((level) => {
          const chosen = answer === level.value;
          return (
            <button
              key={level.value}
              type="button"
              role="radio"
              aria-checked={chosen}
              className={words ? 'level-button level-words' : `level-button tone-${level.face}`}
              onClick={() => send({ type: 'ANSWER', criterionId: criterion.id, value: level.value })}
            >
              <span className="level-check" aria-hidden="true">
                {chosen ? '✓' : ''}
              </span>
              {!words && <FaceIcon face={level.face} />}
              <span className="level-label">{localized(level.label, locale)}</span>
            </button>
          );
        })}
      </div>
      <Footer>
        {index > 0 && (
          <button type="button" className="secondary" onClick={() => send({ type: 'BACK' })}>
            {t('action.back')}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => send({ type: 'SKIP' })}>
          {t('action.skip')}
        </button>
        <button type="button" className="primary" onClick={() => send({ type: 'SUBMIT' })}>
          {t('action.send')}
        </button>
      </Footer>
    </section>
  );
}

import { useState } from 'react';
import { editText } from '../../shared/input/vietnamese-ime';
import { SkipNextFooter } from './Footer';
import { useKioskView } from './KioskContext';
import { defaultTypingMode, OnScreenKeyboard, type TypingMode } from './OnScreenKeyboard';
import { ScreenHeading } from './ScreenHeading';

export function CommentScreen({ comment, maxLength }: { comment: string; maxLength: number }) {
  const { locale, send, t } = useKioskView();
  // How the citizen types is a matter of this screen only; the comment itself lives in the flow.
  // The method follows the language until the citizen picks one; English types plain letters.
  const [chosen, setChosen] = useState<{ locale: string; mode: TypingMode } | null>(null);
  const mode = chosen?.locale === locale ? chosen.mode : defaultTypingMode(locale);
  return (
    <section className="screen screen-comment" data-screen="comment">
      <ScreenHeading>{t('comment.title')}</ScreenHeading>
      <label className="comment-field">
        <textarea
          aria-label={t('comment.label')}
          placeholder={t('comment.label')}
          value={comment}
          maxLength={maxLength}
          rows={2}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => send({ type: 'COMMENT_CHANGED', text: e.target.value })}
        />
      </label>
      <div className="comment-meta fine-print">
        <span>{t('comment.privacy')}</span>
        <span aria-live="polite">{t('comment.counter', { count: comment.length, max: maxLength })}</span>
      </div>
      <OnScreenKeyboard
        mode={mode}
        onMode={locale === 'vi' ? (next) => setChosen({ locale, mode: next }) : undefined}
        onKey={(key) => send({ type: 'COMMENT_CHANGED', text: editText(comment, key, mode === 'plain' ? null : mode, maxLength) })}
      />
      <SkipNextFooter nextLabel="action.send" />
    </section>
  );
}

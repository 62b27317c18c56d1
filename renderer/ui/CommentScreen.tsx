import { useState } from 'react';
import { editText } from '../../shared/input/vietnamese-ime';
import { SkipNextFooter } from './Footer';
import { useKioskView } from './KioskContext';
import { OnScreenKeyboard, type TypingMode } from './OnScreenKeyboard';
import { ScreenHeading } from './ScreenHeading';

export function CommentScreen({ comment, maxLength }: { comment: string; maxLength: number }) {
  const { send, t } = useKioskView();
  // How the citizen types is a matter of this screen only; the comment itself lives in the flow.
  const [mode, setMode] = useState<TypingMode>('telex');
  return (
    <section className="screen screen-comment" data-screen="comment">
      <ScreenHeading>{t('comment.title')}</ScreenHeading>
      <label className="comment-field">
        <span className="comment-label">{t('comment.label')}</span>
        <textarea
          value={comment}
          maxLength={maxLength}
          rows={3}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => send({ type: 'COMMENT_CHANGED', text: e.target.value })}
        />
      </label>
      <div className="comment-meta">
        <span>{t('comment.privacy')}</span>
        <span aria-live="polite">{t('comment.counter', { count: comment.length, max: maxLength })}</span>
      </div>
      <OnScreenKeyboard
        mode={mode}
        onMode={setMode}
        onKey={(key) => send({ type: 'COMMENT_CHANGED', text: editText(comment, key, mode === 'plain' ? null : mode, maxLength) })}
      />
      <SkipNextFooter nextLabel="action.send" />
    </section>
  );
}

import { SkipNextFooter } from './Footer';
import { useKioskView } from './KioskContext';
import { ScreenHeading } from './ScreenHeading';

export function CommentScreen({ comment, maxLength }: { comment: string; maxLength: number }) {
  const { send, t } = useKioskView();
  return (
    <section className="screen screen-comment" data-screen="comment">
      <ScreenHeading>{t('comment.title')}</ScreenHeading>
      <label className="comment-field">
        <span className="comment-label">{t('comment.label')}</span>
        <textarea
          value={comment}
          maxLength={maxLength}
          rows={4}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => send({ type: 'COMMENT_CHANGED', text: e.target.value })}
        />
      </label>
      <div className="comment-meta">
        <span>{t('comment.privacy')}</span>
        <span aria-live="polite">{t('comment.counter', { count: comment.length, max: maxLength })}</span>
      </div>
      <SkipNextFooter nextLabel="action.send" />
    </section>
  );
}

import { useEffect, useRef, useState } from 'react';
import { editText } from '../../shared/input/vietnamese-ime';
import type { DossierRule } from '../../shared/schema/template';
import type { MessageKey } from '../i18n/messages';
import { Footer } from './Footer';
import { useKioskView } from './KioskContext';
import { OnScreenKeyboard, type TypingMode } from './OnScreenKeyboard';
import { ScreenHeading } from './ScreenHeading';

/**
 * The receipt's dossier code. The field has the focus, so a barcode or QR scanner that acts as a
 * keyboard types the code into it and its Enter sends it on; a citizen types it on the keyboard
 * below. Skippable unless the template requires it.
 */
export function DossierScreen({
  rule,
  text,
  problem,
}: {
  rule: DossierRule;
  text: string;
  problem: 'empty' | 'malformed' | 'recorded' | null;
}) {
  const { send, t } = useKioskView();
  const [mode, setMode] = useState<TypingMode>('plain');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), [problem]);
  return (
    <section className="screen screen-dossier" data-screen="dossier">
      <ScreenHeading>{t('dossier.title')}</ScreenHeading>
      <form
        className="comment-field"
        onSubmit={(e) => {
          e.preventDefault();
          send({ type: 'NEXT' });
        }}
      >
        <label className="comment-field">
          <span className="comment-label">{t('dossier.label', { example: rule.example })}</span>
          <input
            ref={field}
            value={text}
            maxLength={60}
            autoComplete="off"
            spellCheck={false}
            autoCapitalize="characters"
            inputMode="none"
            aria-invalid={problem !== null}
            onChange={(e) => send({ type: 'DOSSIER_CHANGED', text: e.target.value })}
          />
        </label>
      </form>
      {problem && (
        <p role="alert" className="setup-problem">
          {t(`dossier.problem.${problem}` as MessageKey, { example: rule.example })}
        </p>
      )}
      <OnScreenKeyboard
        mode={mode}
        onMode={setMode}
        onKey={(key) => send({ type: 'DOSSIER_CHANGED', text: editText(text, key, null, 60) })}
      />
      <Footer>
        {!rule.required && (
          <>
            <button type="button" className="secondary" onClick={() => send({ type: 'SKIP' })}>
              {t('action.skip')}
            </button>
            <button type="button" className="secondary" onClick={() => send({ type: 'SUBMIT' })}>
              {t('action.send')}
            </button>
          </>
        )}
        <button type="button" className="primary" onClick={() => send({ type: 'NEXT' })}>
          {t('action.next')}
        </button>
      </Footer>
    </section>
  );
}

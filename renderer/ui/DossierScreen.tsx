import { useEffect, useRef } from 'react';
import { checkDossierCode } from '../../shared/input/scanner';
import { editText } from '../../shared/input/vietnamese-ime';
import type { DossierRule } from '../../shared/schema/template';
import type { MessageKey } from '../i18n/messages';
import { Footer } from './Footer';
import { useKioskView } from './KioskContext';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import { ScreenHeading } from './ScreenHeading';

/**
 * The receipt's dossier code. The field has the focus, so a barcode or QR scanner that acts as a
 * keyboard types the code into it and its Enter sends it on; a citizen types it on the keys below,
 * which open on digits. Skippable unless the template requires it.
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
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), [problem]);
  const wellFormed = text.trim() !== '' && checkDossierCode(text, rule) === 'ok';
  return (
    <section className="screen screen-dossier" data-screen="dossier">
      <ScreenHeading>{t('dossier.title')}</ScreenHeading>
      <form
        className="dossier-form"
        onSubmit={(e) => {
          e.preventDefault();
          send({ type: 'NEXT' });
        }}
      >
        <label className="dossier-field">
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
            aria-describedby="dossier-line"
            onChange={(e) => send({ type: 'DOSSIER_CHANGED', text: e.target.value })}
          />
        </label>
        {/* Right under the field: what is wrong with the code, or that it looks right. */}
        <p id="dossier-line" className={problem ? 'field-line problem' : 'field-line ok'} role={problem ? 'alert' : 'status'}>
          {problem
            ? t(`dossier.problem.${problem}` as MessageKey, { example: rule.example })
            : wellFormed
              ? `✓ ${t('dossier.ok')}`
              : '\u00a0'}
        </p>
      </form>
      <OnScreenKeyboard layout="code" onKey={(key) => send({ type: 'DOSSIER_CHANGED', text: editText(text, key, null, 60) })} />
      <Footer>
        {/* Leaving early is a quiet outline; going on with the code is the one filled button. */}
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
          <span className="next-arrow" aria-hidden="true">
            →
          </span>
        </button>
      </Footer>
    </section>
  );
}

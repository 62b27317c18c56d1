import { useState } from 'react';
import { editText } from '../../shared/input/vietnamese-ime';
import { ServerOrigin } from '../../shared/schema/shell-settings';
import { EnrolmentError } from '../../shared/sync/enrolment';
import type { KioskHost } from '../host/kiosk-host';
import type { MessageKey } from '../i18n/messages';
import { useKioskView } from './KioskContext';
import { StaffPage } from './StaffPage';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import { ScreenHeading } from './ScreenHeading';

type Status = { kind: 'idle' } | { kind: 'busy' } | { kind: 'message'; key: MessageKey; ok: boolean };

function Setup({ host, onEnrolled }: { host: KioskHost; onEnrolled: () => void }) {
  const { t } = useKioskView();
  const [code, setCode] = useState('');
  // The Electron shell has no server of its own: the technician types the district's address.
  const asksServer = host.asksServerAddress;
  const [server, setServer] = useState(host.serverOrigin);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  // A kiosk has no keyboard of its own: the on-screen keys type into the field last touched.
  const [typingInto, setTypingInto] = useState<'server' | 'code'>('code');
  const typeKey = (key: Parameters<typeof editText>[1]) =>
    typingInto === 'code' ? setCode((before) => editText(before, key, null, 40)) : setServer((before) => editText(before, key, null, 200));
  /** The typed address, normalised; null (with the reason shown) when it is not one. */
  const typedServer = (): string | undefined | null => {
    if (!asksServer) return undefined;
    const parsed = ServerOrigin.safeParse(server);
    if (!parsed.success) setStatus({ kind: 'message', key: 'setup.badServer', ok: false });
    return parsed.success ? parsed.data : null;
  };
  const check = async () => {
    const origin = typedServer();
    if (origin === null) return;
    setStatus({ kind: 'busy' });
    const ok = await host.checkConnection(origin);
    setStatus({ kind: 'message', key: ok ? 'setup.checkOk' : 'setup.checkFailed', ok });
  };
  const enrol = async () => {
    const origin = typedServer();
    if (origin === null) return;
    setStatus({ kind: 'busy' });
    try {
      await host.enrol(code, origin);
      onEnrolled();
    } catch (error) {
      const problem = error instanceof EnrolmentError ? error.problem : 'server_error';
      setStatus({ kind: 'message', key: `enrol.problem.${problem}` as MessageKey, ok: false });
    }
  };
  return (
    <section className="screen screen-setup" data-screen="setup">
      <ScreenHeading>{t('setup.title')}</ScreenHeading>
      {!asksServer && <p>{t('setup.server', { server: host.serverOrigin })}</p>}
      <form
        className="setup-form"
        onSubmit={(e) => {
          e.preventDefault();
          void enrol();
        }}
      >
        {asksServer && (
          <label className="comment-field">
            <span className="comment-label">{t('setup.serverAddress')}</span>
            <input
              value={server}
              onFocus={() => setTypingInto('server')}
              onChange={(e) => setServer(e.target.value)}
              inputMode="url"
              autoComplete="off"
              spellCheck={false}
              placeholder={t('setup.serverExample')}
              required
            />
          </label>
        )}
        <label className="comment-field">
          <span className="comment-label">{t('setup.code')}</span>
          <input
            value={code}
            onFocus={() => setTypingInto('code')}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            required
          />
        </label>
        {status.kind === 'message' && (
          <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'setup-ok' : 'setup-problem'}>
            {t(status.key)}
          </p>
        )}
        <OnScreenKeyboard key={typingInto} layout={typingInto === 'code' ? 'code' : 'text'} onKey={typeKey} />
        <div className="footer">
          <button type="button" className="secondary" disabled={status.kind === 'busy'} onClick={() => void check()}>
            {t('setup.check')}
          </button>
          <button type="submit" className="primary" disabled={status.kind === 'busy' || code.trim() === ''}>
            {t('setup.enrol')}
          </button>
        </div>
      </form>
      <a className="setup-demo" href="?demo=sipas-5">
        {t('setup.demo')}
      </a>
    </section>
  );
}

/** An unconfigured kiosk: where the technician enrols it (or tries the demo). */
export function SetupScreen(props: { host: KioskHost; onEnrolled: () => void }) {
  return (
    <StaffPage>
      <Setup {...props} />
    </StaffPage>
  );
}

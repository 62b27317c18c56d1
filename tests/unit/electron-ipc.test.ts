import { describe, expect, it } from 'vitest';
import { guardedHandler, type InvokeEvent } from '../../electron/ipc';

const top = (url: string): InvokeEvent => ({ senderFrame: { url, parent: null } });

describe('IPC guard: only the kiosk page’s top frame, only well-formed messages, no internals in errors', () => {
  const calls: unknown[] = [];
  const reports: string[] = [];
  const handler = guardedHandler(
    'kiosk:screen',
    async (message) => {
      calls.push(message);
      if (message.onStartScreen === false) throw new Error('EACCES: /home/kiosk/.config/secret');
      return true as const;
    },
    (channel) => reports.push(channel),
  );

  it('passes the kiosk page’s message through', async () => {
    expect(await handler(top('app://kiosk/index.html'), { onStartScreen: true })).toEqual({ ok: true, value: true });
    expect(calls).toEqual([{ onStartScreen: true }]);
  });

  it.each([
    ['no frame (destroyed)', { senderFrame: null }],
    ['an iframe inside the kiosk page', { senderFrame: { url: 'app://kiosk/index.html', parent: {} } }],
    ['a web page', top('https://example.com/')],
    ['a look-alike host', top('app://kiosk.evil/')],
    ['user info', top('app://evil@kiosk/')],
    ['a port', top('app://kiosk:8080/')],
    ['file://', top('file:///opt/hai-long/resources/app.asar/index.html')],
    ['the local server', top('http://127.0.0.1:8080/kiosk/')],
    ['about:blank', top('about:blank')],
    ['devtools', top('devtools://devtools/bundled/inspector.html')],
  ] as [string, InvokeEvent][])('refuses %s', async (_name, event) => {
    const before = calls.length;
    expect(await handler(event, { onStartScreen: true })).toEqual({ ok: false, error: { code: 'refused', message: 'not the kiosk page' } });
    expect(calls.length).toBe(before);
  });

  it.each([[undefined], [null], ['true'], [{ onStartScreen: 1 }], [{ onStartScreen: true, extra: 1 }]])(
    'refuses the malformed message %j',
    async (message) => {
      const before = calls.length;
      expect(await handler(top('app://kiosk/'), message)).toEqual({
        ok: false,
        error: { code: 'invalid', message: 'invalid kiosk:screen message' },
      });
      expect(calls.length).toBe(before);
    },
  );

  it('reports a failure inside the main process, and tells the page only that it failed', async () => {
    expect(await handler(top('app://kiosk/'), { onStartScreen: false })).toEqual({
      ok: false,
      error: { code: 'failed', message: 'kiosk:screen failed' },
    });
    expect(reports.at(-1)).toBe('kiosk:screen');
  });
});

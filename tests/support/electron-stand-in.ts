import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import type { BridgeChannel } from '../../shared/contract/bridge';
import { mainProcessIpc } from './electron-main';
import { serviceIn } from './main-process-service';

/**
 * The Electron kiosk without the Electron binary: the renderer in Chromium, the bundled preload
 * (dist/electron-app/preload.cjs) run in the page over a stand-in for ipcRenderer, and the real
 * main-process service (token store, journal, settings, exports on disk) in this test process,
 * talking to the real district server. Only Electron's IPC pipe itself is replaced.
 */
export async function electronKiosk(page: Page, userData: string) {
  const { journal, handlers } = await serviceIn(userData);
  const network = { up: true };
  const seenByPage: string[] = [];
  const appended: string[] = [];
  /** How long the main-process side of each journal append took (parse, write, fsync). */
  const appendMs: number[] = [];
  const main = mainProcessIpc(handlers);
  await page.exposeFunction('__hlInvoke', async (channel: BridgeChannel, message: unknown) => {
    const sync = channel === 'kiosk:send-batch' || channel === 'kiosk:fetch-config' || channel === 'kiosk:send-heartbeat';
    if (sync && !network.up) {
      const down = {
        'kiosk:send-batch': { kind: 'network', message: 'the cable is out' },
        'kiosk:fetch-config': { kind: 'failed' },
        'kiosk:send-heartbeat': false,
      }[channel];
      return { ok: true, value: down };
    }
    const started = performance.now();
    const answer = await main(channel, message);
    if (channel === 'kiosk:journal-append') {
      appendMs.push(performance.now() - started);
      appended.push((message as { id: string }).id);
    }
    seenByPage.push(JSON.stringify(answer ?? null));
    return answer;
  });
  const preload = await readFile('dist/electron-app/preload.cjs', 'utf8');
  // The preload runs as Electron runs it: a CommonJS function whose `require` gives only electron.
  await page.addInitScript(`(() => {
    const stand_in = {
      contextBridge: { exposeInMainWorld: (name, api) => Object.defineProperty(window, name, { value: Object.freeze(api) }) },
      ipcRenderer: { invoke: (channel, message) => window.__hlInvoke(channel, message === undefined ? null : message).then((a) => a === null ? undefined : a) },
    };
    const module = { exports: {} };
    (function (require, module, exports) {
      ${preload}
    })((name) => { if (name !== 'electron') throw new Error('a sandboxed preload requires only electron'); return stand_in; }, module, module.exports);
  })();`);
  return { journal, network, seenByPage, appended, appendMs };
}

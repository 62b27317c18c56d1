import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../electron/journal';
import { CHANNELS, kioskService, type Channel } from '../../electron/kiosk-service';
import { TokenStore } from '../../electron/token-store';
import { BridgeTransport } from '../../renderer/host/bridge-transport';
import { ElectronHost, type KioskBridge } from '../../renderer/host/electron-host';
import type { KioskConfig } from '../../shared/schema/kiosk-config';
import { Rating } from '../../shared/schema/rating';
import { toIsoWithOffset } from '../../shared/time';
import { testServer } from './support/server-harness';

/** The renderer's `window.kiosk`, as the preload builds it: each call a structured-cloned IPC message. */
function bridgeTo(handlers: Record<Channel, (raw: unknown) => Promise<unknown>>, serverOrigin: string, seen: unknown[] = []): KioskBridge {
  const invoke = async (channel: Channel, message?: unknown) => {
    const answer = structuredClone(await handlers[channel](structuredClone(message)));
    seen.push(answer);
    return answer;
  };
  return {
    serverOrigin,
    loadConfig: () => invoke('kiosk:config'),
    saveConfig: (config) => invoke('kiosk:config-save', config),
    enrol: (request) => invoke('kiosk:enrol', request),
    checkConnection: () => invoke('kiosk:check'),
    sync: (request) => invoke('kiosk:sync', request),
    journalAppend: (rating) => invoke('kiosk:journal-append', rating),
    journalEntries: () => invoke('kiosk:journal-entries'),
    journalCompact: (ids) => invoke('kiosk:journal-compact', ids),
  };
}

describe('the Electron kiosk: renderer host ⇄ bridge ⇄ main-process service ⇄ district server', () => {
  let dir: string;
  let close: () => Promise<void> = async () => undefined;
  afterEach(async () => {
    await close();
    await rm(dir, { recursive: true, force: true });
  });

  it('enrols with the token kept in the main process, syncs through it, and journals', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hai-long-electron-'));
    const server = await testServer('sqlite');
    const origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const journal = await Journal.open(join(dir, 'journal.jsonl'));
    close = async () => {
      await journal.close();
      await server.close();
    };
    let tokenFile: Buffer | null = null;
    let configFile: unknown = null;
    const tokens = new TokenStore(
      { isEncryptionAvailable: () => true, encryptString: (s) => Buffer.from(s).reverse(), decryptString: (b) => Buffer.from(b).reverse().toString() },
      { read: async () => tokenFile, write: async (c) => void (tokenFile = c), remove: async () => void (tokenFile = null) },
    );
    const handlers = kioskService({
      serverOrigin: origin,
      fetch,
      tokens,
      config: { read: async () => configFile, write: async (c: KioskConfig) => void (configFile = c) },
      journal,
      appVersion: '0.1.0',
      now: () => new Date(),
    });
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    const answers: unknown[] = [];
    const bridge = bridgeTo(handlers, origin, answers);
    const host = new ElectronHost(bridge, async () => null);

    expect(await host.loadConfig()).toBeNull();
    expect(await host.checkConnection()).toBe(true);
    await expect(host.enrol('AAAA-BBBB-CCCC')).rejects.toMatchObject({ problem: 'wrong_code' });
    const config = await host.enrol((await server.enrolmentCode('hang-bac', 'quay-1')).code);
    expect(config.ward.id).toBe('hang-bac');
    expect(await host.loadConfig()).toEqual(config);
    // The main process stored the token encrypted; no answer the renderer ever got contains it.
    const token = await tokens.load();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(tokenFile!.toString()).not.toContain(token!);

    // A rating, journalled, then sent through the bridge with the main process's token.
    const rating = Rating.parse(server.rating({ kioskId: config.kioskId, config }));
    await host.journal.append(rating);
    expect((await host.journal.entries()).map((r) => r.id)).toEqual([rating.id]);
    const transport = new BridgeTransport((request) => bridge.sync(request));
    const sent = await transport.sendBatch({ batchId: crypto.randomUUID(), kioskId: config.kioskId, sentAt: toIsoWithOffset(new Date()), ratings: [rating] }, 5_000);
    expect(sent).toMatchObject({ kind: 'answer', status: 200, result: { accepted: [rating.id] } });
    await host.journal.compact([rating.id]);
    expect(await host.journal.entries()).toEqual([]);
    expect(answers.length).toBeGreaterThan(5);
    expect(answers.filter((answer) => JSON.stringify(answer).includes(token!))).toEqual([]);
  });

  it('refuses malformed messages from the renderer', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hai-long-electron-'));
    const journal = await Journal.open(join(dir, 'journal.jsonl'));
    close = () => journal.close();
    const handlers = kioskService({
      serverOrigin: 'http://127.0.0.1:9',
      fetch,
      tokens: new TokenStore({ isEncryptionAvailable: () => false, encryptString: Buffer.from, decryptString: String }, { read: async () => null, write: async () => {}, remove: async () => {} }),
      config: { read: async () => null, write: async () => {} },
      journal,
      appVersion: '0.1.0',
      now: () => new Date(),
    });
    await expect(handlers['kiosk:enrol']({ code: 'x'.repeat(500) })).rejects.toThrow();
    await expect(handlers['kiosk:config-save']({ kioskId: 'not a config' })).rejects.toThrow();
    await expect(handlers['kiosk:journal-append']({ overall: 5 })).rejects.toThrow();
    await expect(handlers['kiosk:journal-compact'](['not-a-uuid'])).rejects.toThrow();
    expect(await handlers['kiosk:enrol']({ code: 'ABCD-EFGH-JKLM' })).toEqual({ ok: false, problem: 'unreachable' });
    expect(await journal.entries()).toEqual([]);
  });
});

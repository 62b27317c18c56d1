import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bridgeOver } from '../../electron/bridge';
import { BridgeTransport } from '../../renderer/host/bridge-transport';
import { ElectronHost } from '../../renderer/host/electron-host';
import { BRIDGE_CHANNELS, type BridgeChannel, type BridgeRequest } from '../../shared/contract/bridge';
import { Rating } from '../../shared/schema/rating';
import { toIsoWithOffset } from '../../shared/time';
import { bridgeTo, mainProcessIpc } from '../support/electron-main';
import { sampleRating } from '../support/fixtures';
import { testServer } from './support/server-harness';
import { serviceIn } from '../support/main-process-service';

describe('the Electron kiosk: renderer host ⇄ bridge ⇄ main-process service ⇄ district server', () => {
  let dir: string;
  let close: () => Promise<void> = async () => undefined;
  afterEach(async () => {
    await close();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes the server address typed at setup, enrols with the token kept in the main process, syncs, journals, exports and forgets', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hai-long-electron-'));
    const server = await testServer('sqlite');
    const origin = await server.app.listen({ port: 0, host: '127.0.0.1' });
    const { journal, tokens, handlers } = await serviceIn(dir);
    await mkdir(join(dir, 'usb'));
    close = async () => {
      await journal.close();
      await server.close();
    };
    expect(Object.keys(handlers).sort()).toEqual([...BRIDGE_CHANNELS].sort());
    const answers: unknown[] = [];
    const bridge = bridgeTo(handlers, answers);
    const host = new ElectronHost(bridge, async () => null);

    // A new kiosk: no configuration, no server address yet.
    expect(await host.loadConfig()).toBeNull();
    expect(host.serverOrigin).toBe('');
    expect(await host.checkConnection()).toBe(false);
    expect(await host.checkConnection(`${origin}/`)).toBe(true);
    await expect(host.enrol('AAAA-BBBB-CCCC', origin)).rejects.toMatchObject({ problem: 'wrong_code' });
    expect(host.serverOrigin).toBe(''); // a failed enrolment keeps nothing
    const config = await host.enrol((await server.enrolmentCode('hang-bac', 'quay-1')).code, `${origin}/`);
    expect(config.ward.id).toBe('hang-bac');
    expect(host.serverOrigin).toBe(origin);
    expect(await host.loadConfig()).toEqual(config);
    expect(await host.checkConnection()).toBe(true);
    // The main process stored the token encrypted; no answer the renderer ever got contains it.
    const token = await tokens.load();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await readFile(join(dir, 'device-token.json'), 'utf8')).not.toContain(token!);

    // A rating, journalled, then sent through the bridge with the main process's token.
    const rating = Rating.parse(server.rating({ kioskId: config.kioskId, config }));
    await host.journal.append(rating);
    expect((await host.journal.entries()).map((r) => r.id)).toEqual([rating.id]);
    const transport = new BridgeTransport(bridge);
    const sent = await transport.sendBatch(
      { batchId: crypto.randomUUID(), kioskId: config.kioskId, sentAt: toIsoWithOffset(new Date()), ratings: [rating] },
      5_000,
    );
    expect(sent).toMatchObject({ kind: 'answer', status: 200, result: { accepted: [rating.id] } });
    await host.journal.compact([rating.id]);
    expect(await host.journal.entries()).toEqual([]);

    // Two more that never reach the server by network: exported, signed by the main process, imported.
    const carried = [
      Rating.parse(server.rating({ kioskId: config.kioskId, config })),
      Rating.parse(server.rating({ kioskId: config.kioskId, config })),
    ];
    for (const r of carried) await host.journal.append(r);
    const saved = await host.saveExport(config.kioskId, carried);
    expect(saved?.fileName).toMatch(/^hai-long-.*-2\.json$/);
    const onStick = JSON.parse(await readFile(join(dir, 'usb', saved!.fileName), 'utf8'));
    expect(JSON.parse(await readFile(join(dir, 'exports', saved!.fileName), 'utf8'))).toEqual(onStick);
    const admin = await server.login();
    const imported = await server.app.inject({
      method: 'POST',
      url: '/api/v1/admin/imports',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      payload: onStick,
    });
    expect(imported.json()).toMatchObject({ accepted: 2, duplicate: 0 });

    // Decommission: the journal's contents are kept in a file, the token and configuration go.
    await host.forget();
    expect(await tokens.load()).toBeNull();
    expect(await host.loadConfig()).toBeNull();
    expect(await host.journal.entries()).toEqual([]);
    const kept = (await readdir(join(dir, 'exports'))).filter((name) => name.startsWith('journal-'));
    expect(kept).toHaveLength(1);
    expect(JSON.parse(await readFile(join(dir, 'exports', kept[0]!), 'utf8')).ratings.map((r: Rating) => r.id)).toEqual(
      carried.map((r) => r.id),
    );
    expect(answers.length).toBeGreaterThan(10);
    expect(answers.filter((answer) => JSON.stringify(answer).includes(token!))).toEqual([]);
  });

  it('refuses malformed messages on both sides of the bridge, and sends nothing without a server address', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hai-long-electron-'));
    let requests = 0;
    const { journal, handlers } = await serviceIn(dir, { fetch: async () => (requests++, new Response('{}')) });
    close = () => journal.close();
    const hostile: [BridgeChannel, unknown][] = [
      ['kiosk:enrol', { code: 'x'.repeat(500) }],
      ['kiosk:enrol', { code: 'ABCD', serverOrigin: 'file:///etc/passwd' }],
      ['kiosk:enrol', { code: 'ABCD', serverOrigin: 'https://user:pw@quan.example' }],
      ['kiosk:check', { serverOrigin: 'javascript:alert(1)' }],
      ['kiosk:config-save', { kioskId: 'not a config' }],
      [
        'kiosk:settings-save',
        { serverOrigin: 'https://quan.example', openingHours: { '1': [{ from: '17:00', to: '07:00' }] }, qrScanning: false },
      ],
      ['kiosk:settings-save', { serverOrigin: 'file:///etc/passwd', openingHours: {}, qrScanning: false }],
      ['kiosk:journal-append', { overall: 5 }],
      ['kiosk:journal-append', { ...sampleRating(1, new Date()), overall: 9 }],
      ['kiosk:journal-compact', ['not-a-uuid']],
      ['kiosk:export', { ratings: [] }],
      ['kiosk:screen', { onStartScreen: 'yes' }],
      [
        'kiosk:send-batch',
        {
          batch: {
            batchId: crypto.randomUUID(),
            kioskId: crypto.randomUUID(),
            sentAt: toIsoWithOffset(new Date()),
            ratings: [{ overall: 5 }],
          },
          timeoutMs: 1000,
        },
      ],
      ['kiosk:fetch-config', { etag: null, timeoutMs: 10 }],
      ['kiosk:no-such-channel' as BridgeChannel, {}],
    ];
    // The main process checks what arrives (a compromised page could skip the preload) …
    const main = mainProcessIpc(handlers);
    // … and the preload checks what the page hands it, before it reaches the main process.
    let reachedMain = 0;
    const bridge = bridgeOverCounting(handlers, () => reachedMain++);
    for (const [channel, message] of hostile) {
      const invalid = { ok: false, error: { code: 'invalid', message: expect.stringContaining('invalid') } };
      if (channel in handlers) expect(await main(channel, message), `${channel} ${JSON.stringify(message)}`).toMatchObject(invalid);
      expect(await bridge.invoke(channel, message as BridgeRequest<typeof channel>), channel).toMatchObject(invalid);
    }
    expect(reachedMain).toBe(0);
    expect(await main('kiosk:enrol', { code: 'ABCD-EFGH-JKLM' })).toEqual({ ok: true, value: { ok: false, problem: 'unreachable' } });
    expect(await main('kiosk:fetch-config', { etag: null, timeoutMs: 1000 })).toEqual({ ok: true, value: { kind: 'failed' } });
    expect(await main('kiosk:export', { ratings: [sampleRating(1, new Date())] })).toEqual({
      ok: true,
      value: { ok: false, problem: 'no_token' },
    });
    expect(requests).toBe(0);
    expect(await journal.entries()).toEqual([]);
  });
});

/** The preload's bridge over the main process, counting the messages that got past the preload. */
function bridgeOverCounting(handlers: Parameters<typeof mainProcessIpc>[0], counted: () => void) {
  const main = mainProcessIpc(handlers);
  return bridgeOver((channel, message) => {
    counted();
    return main(channel, message);
  });
}

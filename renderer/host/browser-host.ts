import { demoKioskConfig } from '../../shared/demo';
import { KioskConfig } from '../../shared/schema/kiosk-config';
import type { KioskDb } from '../storage/kiosk-db';
import type { KioskHost } from './kiosk-host';

const CONFIG_KEY = 'config';
const DEMO_KIOSK_ID_KEY = 'demoKioskId';

/**
 * The browser kiosk keeps its configuration in its own IndexedDB. Until it is enrolled with a
 * district server it runs a demo ward, with a kiosk id of its own so two demo kiosks never collide;
 * `?demo=<template id>` picks which built-in survey the demo shows.
 */
export class BrowserHost implements KioskHost {
  readonly kind = 'browser';

  constructor(
    private readonly db: KioskDb,
    private readonly search: string,
    private readonly newKioskId: () => string = () => crypto.randomUUID(),
  ) {}

  async loadConfig(): Promise<KioskConfig> {
    const stored = await this.db.meta.get(CONFIG_KEY);
    const parsed = KioskConfig.safeParse(stored?.value);
    if (parsed.success) return parsed.data;
    const kioskId = await this.db.transaction('rw', this.db.meta, async () => {
      const existing = await this.db.meta.get(DEMO_KIOSK_ID_KEY);
      if (typeof existing?.value === 'string') return existing.value;
      const id = this.newKioskId();
      await this.db.meta.put({ key: DEMO_KIOSK_ID_KEY, value: id });
      return id;
    });
    const templateId = new URLSearchParams(this.search).get('demo') ?? undefined;
    return demoKioskConfig(kioskId, templateId);
  }
}

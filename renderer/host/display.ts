import { DEFAULT_DISPLAY, DisplaySettings } from '../../shared/schema/display';
import type { KioskDb } from '../storage/kiosk-db';

const DISPLAY_KEY = 'display';

/** Display settings kept in the kiosk's own IndexedDB (the same in a browser and in Electron). */
export function displayPort(db: KioskDb) {
  return {
    async load(): Promise<DisplaySettings> {
      const parsed = DisplaySettings.safeParse((await db.meta.get(DISPLAY_KEY))?.value);
      return parsed.success ? parsed.data : DEFAULT_DISPLAY;
    },
    async save(settings: DisplaySettings): Promise<void> {
      await db.meta.put({ key: DISPLAY_KEY, value: DisplaySettings.parse(settings) });
      applyDisplay(settings);
    },
  };
}
export type DisplayPort = ReturnType<typeof displayPort>;

/** Larger text scales every size in the stylesheet (they are in rem) by about a sixth. */
export function applyDisplay(settings: DisplaySettings) {
  document.documentElement.classList.toggle('text-large', settings.textSize === 'large');
}

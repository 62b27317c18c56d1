import { KioskConfig } from './schema/kiosk-config';
import { builtinTemplate } from './templates/builtin';

export const DEMO_TEMPLATE_ID = 'sipas-5';

/**
 * The configuration a kiosk runs with before it is enrolled with a district server: a demo ward
 * and counter, so the product can be tried at once.
 */
export function demoKioskConfig(kioskId: string, templateId = DEMO_TEMPLATE_ID): KioskConfig {
  const template = builtinTemplate(templateId) ?? builtinTemplate(DEMO_TEMPLATE_ID)!;
  return KioskConfig.parse({
    kioskId,
    ward: { id: 'trang-tien', name: { vi: 'UBND Phường Tràng Tiền (demo)', en: 'Trang Tien Ward (demo)' } },
    counter: { id: 'quay-1', label: { vi: 'Quầy số 1', en: 'Counter 1' } },
    template,
  });
}

import { KioskConfig } from './schema/kiosk-config';
import { builtinTemplate } from './templates/builtin';

export const DEMO_TEMPLATE_ID = 'sipas-5';

/**
 * The configuration a kiosk runs with before it is enrolled with a district server: a demo ward
 * and counter, so the product can be tried at once.
 */
export function demoKioskConfig(kioskId: string, templateId = DEMO_TEMPLATE_ID, options: { pickOfficial?: boolean } = {}): KioskConfig {
  const template = builtinTemplate(templateId) ?? builtinTemplate(DEMO_TEMPLATE_ID)!;
  return KioskConfig.parse({
    kioskId,
    ward: { id: 'trang-tien', name: { vi: 'UBND Phường Tràng Tiền (demo)', en: 'Trang Tien Ward (demo)' } },
    counter: { id: 'quay-1', label: { vi: 'Quầy số 1', en: 'Counter 1' } },
    template,
    // `?officials=citizen`: the counter's officials, for trying the "who served you?" step.
    ...(options.pickOfficial && { attribution: 'citizen', officials: DEMO_OFFICIALS }),
  });
}

const DEMO_OFFICIALS = [
  ['demo-cb-1', 'Nguyễn Thị Thu Hương', 'Công chức Tư pháp – Hộ tịch'],
  ['demo-cb-2', 'Trần Văn Minh', 'Công chức Địa chính – Xây dựng'],
  ['demo-cb-3', 'Lê Hoàng Bảo Ngọc', 'Công chức Văn hoá – Xã hội'],
  ['demo-cb-4', 'Phạm Quốc Khánh', null],
].map(([id, name, title]) => ({ id, name, title, photo: null, pin: null }));

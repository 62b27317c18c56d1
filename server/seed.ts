import { builtinTemplates } from '../shared/templates/builtin';
import { hashPassword, newPassword } from './auth/secrets';
import type { Store } from './db/connect';

export const DEMO_DISTRICT = 'Quận Hoàn Kiếm (demo)';

const demoWards = [
  {
    id: 'trang-tien',
    name_vi: 'UBND Phường Tràng Tiền',
    name_en: 'Trang Tien Ward',
    template_id: 'sipas-5',
    counters: 2,
    officials: ['Nguyễn Thị Hoa', 'Trần Văn Minh', 'Lê Thu Trang'],
  },
  {
    id: 'hang-bac',
    name_vi: 'UBND Phường Hàng Bạc',
    name_en: 'Hang Bac Ward',
    template_id: 'tt01-2018',
    counters: 2,
    officials: ['Phạm Quốc Huy', 'Đỗ Thị Lan'],
  },
  {
    id: 'cua-nam',
    name_vi: 'UBND Phường Cửa Nam',
    name_en: 'Cua Nam Ward',
    template_id: 'hue-3',
    counters: 1,
    officials: ['Vũ Đức Anh', 'Hoàng Minh Châu'],
  },
];

/**
 * Every start: the built-in templates not stored yet. The first start: the first district
 * administrator, and the demo district (a few wards, counters and officials) only when asked
 * (`npm start`, tests). Returns the admin password when it was generated here (print it once).
 */
export async function seedIfEmpty(store: Store, options: { adminPassword?: string; now: Date; demo?: boolean }) {
  const now = options.now.getTime();
  // A new version of a built-in template reaches districts that already run (their wards get it at
  // the next configuration); a version the district saved itself under the same number is kept.
  await store.db
    .insertInto('templates')
    .values(builtinTemplates.map((t) => ({ id: t.id, version: t.version, body: JSON.stringify(t), created_at: now })))
    .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
    .execute();
  const hasWards = await store.db.selectFrom('wards').select('id').limit(1).executeTakeFirst();
  if (!hasWards && options.demo !== false) {
    await store.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('settings')
        .values([
          { key: 'district_name', value: DEMO_DISTRICT },
          { key: 'district_province', value: 'Thành phố Hà Nội' },
          { key: 'district_unit', value: 'UBND Quận Hoàn Kiếm (dữ liệu mẫu)' },
          { key: 'demo', value: '1' },
        ])
        .execute();
      for (const ward of demoWards) {
        await trx
          .insertInto('wards')
          .values({ id: ward.id, name_vi: ward.name_vi, name_en: ward.name_en, template_id: ward.template_id, created_at: now })
          .execute();
        for (let n = 1; n <= ward.counters; n++) {
          await trx
            .insertInto('counters')
            .values({ ward_id: ward.id, id: `quay-${n}`, label_vi: `Quầy số ${n}`, label_en: `Counter ${n}` })
            .execute();
        }
        for (const [i, name] of ward.officials.entries()) {
          await trx
            .insertInto('officials')
            .values({ id: `${ward.id}-cb-${i + 1}`, ward_id: ward.id, name, title: 'Công chức Bộ phận Một cửa', active: 1 })
            .execute();
        }
      }
    });
  }
  const hasUsers = await store.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (hasUsers) return { generatedAdminPassword: null };
  const password = options.adminPassword ?? newPassword();
  await store.db
    .insertInto('users')
    .values({ username: 'admin', password_hash: await hashPassword(password), role: 'district_admin', ward_id: null, created_at: now })
    .execute();
  return { generatedAdminPassword: options.adminPassword ? null : password };
}

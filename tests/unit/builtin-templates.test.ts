import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../server/db/connect';
import { seedIfEmpty } from '../../server/seed';
import { SurveyTemplate } from '../../shared/schema/template';
import { builtinTemplate } from '../../shared/templates/builtin';

describe('the built-in Circular 01/2018 template', () => {
  const tt01 = builtinTemplate('tt01-2018')!;
  const criterion = (id: string) => tt01.criteria.find((c) => c.id === id)!;

  it('answers the factual indicators in words (no face judges "Quá hạn"), the attitude one with faces about attitude', () => {
    expect(['chi-so-1', 'chi-so-3', 'chi-so-4'].map((id) => criterion(id).answerStyle)).toEqual(['words', 'words', 'words']);
    expect(criterion('chi-so-7').answerStyle).toBe('faces');
    expect(criterion('chi-so-7').levels.map((l) => l.label.vi)).not.toContain('Đúng hẹn, không phiền hà');
    expect(criterion('chi-so-1').label.vi).toBe('Tổng thời gian giải quyết thủ tục hành chính');
    // The Circular's points stay 2/1/0, best first, on every indicator.
    for (const c of tt01.criteria) expect(c.levels.map((l) => l.points)).toEqual([2, 1, 0]);
  });

  it('scores indicators 3 and 4 as Mẫu số 01 does: none 2 points, one 1 point, more than one 0', () => {
    const answers = (id: string) => criterion(id).levels.map((l) => [l.label.vi, l.points]);
    expect(answers('chi-so-3')).toEqual([
      ['Không phải liên hệ lần nào', 2],
      ['Chỉ một lần', 1],
      ['Hơn một lần', 0],
    ]);
    // Version 2 scored "only the one-stop counter" 1 point: a citizen who contacted no other agency lost a point.
    expect(answers('chi-so-4')).toEqual([
      ['Không phải liên hệ nơi nào', 2],
      ['Một cơ quan, đơn vị', 1],
      ['Hơn một cơ quan, đơn vị', 0],
    ]);
  });

  it('a template without answerStyle (every template saved before it existed) keeps its faces', () => {
    const { criteria, ...rest } = tt01;
    const old = SurveyTemplate.parse({ ...rest, criteria: criteria.map(({ answerStyle: _style, ...c }) => c) });
    expect(old.criteria.every((c) => c.answerStyle === 'faces')).toBe(true);
  });
});

describe('built-in templates on a running district', () => {
  let dir: string | null = null;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = null;
  });

  it('a new built-in version is added at the next start; the older one and a district’s own version are kept', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hl-builtin-'));
    const store = await openStore({ dataDir: dir });
    try {
      const now = new Date('2026-12-01T03:00:00Z');
      await seedIfEmpty(store, { adminPassword: 'a-long-admin-password', now, demo: false });
      // As a district that started with version 1 and saved a sipas-5 version 2 of its own.
      await store.db.deleteFrom('templates').where('id', '=', 'tt01-2018').execute();
      const v1 = { ...builtinTemplate('tt01-2018')!, version: 1 };
      const own = { ...builtinTemplate('sipas-5')!, version: 2, name: { vi: 'Phiếu của quận', en: 'Our own' } };
      await store.db
        .insertInto('templates')
        .values([
          { id: v1.id, version: 1, body: JSON.stringify(v1), created_at: 1 },
          { id: own.id, version: 2, body: JSON.stringify(own), created_at: 2 },
        ])
        .execute();

      await seedIfEmpty(store, { now, demo: false });
      const rows = await store.db.selectFrom('templates').select(['id', 'version', 'body']).orderBy('id').orderBy('version').execute();
      expect(rows.filter((r) => r.id === 'tt01-2018').map((r) => r.version)).toEqual([1, builtinTemplate('tt01-2018')!.version]);
      const sipas = rows.filter((r) => r.id === 'sipas-5');
      expect(sipas.map((r) => r.version)).toEqual([1, 2]);
      expect(JSON.parse(sipas[1]!.body).name.vi).toBe('Phiếu của quận');
    } finally {
      await store.close();
    }
  });
});

import type { Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateTo, migrateToLatest } from '../../server/db/migrations';
import type { Database } from '../../server/db/tables';
import { foldForSearch } from '../../shared/text/fold';
import { emptyDatabase, engines } from './support/server-harness';

describe('text as the worklist search compares it', () => {
  it.each([
    ['THIẾU GHẾ CHỜ', 'thieu ghe cho'],
    ['Đợi  lâu\nquá', 'doi lau qua'],
    ['Phường Cửa Nam', 'phuong cua nam'],
    ['Nguyễn Thị Ánh', 'nguyen thi anh'],
  ])('%j → %j', (text, folded) => {
    expect(foldForSearch(text)).toBe(folded);
  });
});

describe.each(engines())('the feedback search migration, %s', (engine) => {
  let db: Kysely<Database>;
  afterEach(async () => db?.destroy());

  it('folds the comments and assignees of the feedback stored before it', async () => {
    db = await emptyDatabase(engine);
    await migrateTo(db as Kysely<unknown>, engine, '0013_alert_keys');
    const before = { ward_id: 'cua-nam', overall: 1, status: 'moi', response_note: null, created_at: 1, updated_at: 1 };
    await (db as Kysely<unknown> as Kysely<{ feedback: Record<string, unknown> }>)
      .insertInto('feedback')
      .values([
        { ...before, rating_id: 'r1', comment: 'THIẾU GHẾ CHỜ', assignee: 'Trần Văn Minh' },
        { ...before, rating_id: 'r2', comment: 'Tốt', assignee: null },
      ])
      .execute();

    await migrateToLatest(db, engine);
    const rows = await db.selectFrom('feedback').select(['rating_id', 'comment_folded', 'assignee_folded']).orderBy('rating_id').execute();
    expect(rows).toEqual([
      { rating_id: 'r1', comment_folded: 'thieu ghe cho', assignee_folded: 'tran van minh' },
      { rating_id: 'r2', comment_folded: 'tot', assignee_folded: null },
    ]);
  });
});

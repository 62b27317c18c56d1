import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { Migrator } from 'kysely';
import { foldForSearch } from '../../shared/text/fold';
import type { Database } from './tables';

export type Engine = 'sqlite' | 'postgres';

/**
 * Versioned migrations, one list for both engines (Kysely's schema builder writes each dialect).
 * A released migration is never edited: add the next one.
 */
function migrations(engine: Engine): Record<string, Migration> {
  const big = engine === 'postgres' ? 'bigint' : 'integer';
  const serial = (name: string) =>
    engine === 'postgres' ? sql`${sql.ref(name)} serial primary key` : sql`${sql.ref(name)} integer primary key autoincrement`;
  return {
    '0001_initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('settings')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('wards')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name_vi', 'text', (c) => c.notNull())
          .addColumn('name_en', 'text', (c) => c.notNull())
          .addColumn('template_id', 'text', (c) => c.notNull())
          .addColumn('created_at', big, (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('counters')
          .addColumn('ward_id', 'text', (c) => c.notNull().references('wards.id'))
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('label_vi', 'text', (c) => c.notNull())
          .addColumn('label_en', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('counters_pk', ['ward_id', 'id'])
          .execute();
        await db.schema
          .createTable('officials')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('ward_id', 'text', (c) => c.notNull().references('wards.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('title', 'text')
          .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
          .execute();
        await db.schema
          .createTable('templates')
          .addColumn('id', 'text', (c) => c.notNull())
          .addColumn('version', 'integer', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('created_at', big, (c) => c.notNull())
          .addPrimaryKeyConstraint('templates_pk', ['id', 'version'])
          .execute();
        await db.schema
          .createTable('kiosks')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('ward_id', 'text', (c) => c.notNull())
          .addColumn('counter_id', 'text', (c) => c.notNull())
          .addColumn('token_hash', 'text', (c) => c.notNull().unique())
          .addColumn('enrolled_at', big, (c) => c.notNull())
          .addColumn('revoked_at', big)
          .addColumn('last_seen_at', big)
          .addColumn('heartbeat', 'text')
          .addColumn('app_version', 'text')
          .addColumn('clock_offset_ms', big)
          .execute();
        await db.schema
          .createTable('enrolment_codes')
          .addColumn('code_hash', 'text', (c) => c.primaryKey())
          .addColumn('ward_id', 'text', (c) => c.notNull())
          .addColumn('counter_id', 'text', (c) => c.notNull())
          .addColumn('created_by', 'integer')
          .addColumn('created_at', big, (c) => c.notNull())
          .addColumn('expires_at', big, (c) => c.notNull())
          .addColumn('used_at', big)
          .addColumn('kiosk_id', 'text')
          .execute();
        await db.schema
          .createTable('ratings')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kiosk_id', 'text', (c) => c.notNull())
          .addColumn('seq', 'integer', (c) => c.notNull())
          .addColumn('ward_id', 'text', (c) => c.notNull())
          .addColumn('counter_id', 'text', (c) => c.notNull())
          .addColumn('official_id', 'text')
          .addColumn('template_id', 'text', (c) => c.notNull())
          .addColumn('template_version', 'integer', (c) => c.notNull())
          .addColumn('started_at', 'text', (c) => c.notNull())
          .addColumn('completed_at', 'text', (c) => c.notNull())
          .addColumn('completed_at_ms', big, (c) => c.notNull())
          .addColumn('corrected_at_ms', big, (c) => c.notNull())
          .addColumn('clock_offset_ms', big)
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('locale', 'text', (c) => c.notNull())
          .addColumn('outcome', 'text', (c) => c.notNull())
          .addColumn('overall', 'integer', (c) => c.notNull())
          .addColumn('scale_size', 'integer', (c) => c.notNull())
          .addColumn('satisfied', 'integer', (c) => c.notNull())
          .addColumn('criteria', 'text', (c) => c.notNull())
          .addColumn('reasons', 'text', (c) => c.notNull())
          .addColumn('comment', 'text', (c) => c.notNull())
          .addColumn('flags', 'text', (c) => c.notNull())
          .addColumn('burst', 'integer', (c) => c.notNull())
          .addColumn('batch_id', 'text', (c) => c.notNull())
          .addColumn('received_at', big, (c) => c.notNull())
          .addColumn('content_hash', 'text', (c) => c.notNull())
          .execute();
        await db.schema.createIndex('ratings_kiosk_seq').on('ratings').columns(['kiosk_id', 'seq']).execute();
        await db.schema.createIndex('ratings_ward_day').on('ratings').columns(['ward_id', 'day']).execute();
        const countKeys = ['day', 'ward_id', 'counter_id', 'official_id', 'template_id', 'scale_size', 'burst', 'overall'];
        await db.schema
          .createTable('rating_counts')
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('ward_id', 'text', (c) => c.notNull())
          .addColumn('counter_id', 'text', (c) => c.notNull())
          .addColumn('official_id', 'text', (c) => c.notNull())
          .addColumn('template_id', 'text', (c) => c.notNull())
          .addColumn('scale_size', 'integer', (c) => c.notNull())
          .addColumn('burst', 'integer', (c) => c.notNull())
          .addColumn('overall', 'integer', (c) => c.notNull())
          .addColumn('count', big, (c) => c.notNull())
          .addPrimaryKeyConstraint('rating_counts_pk', countKeys as never)
          .execute();
        const criterionKeys = ['day', 'ward_id', 'counter_id', 'official_id', 'template_id', 'burst', 'criterion_id', 'value', 'points'];
        await db.schema
          .createTable('criterion_counts')
          .addColumn('day', 'text', (c) => c.notNull())
          .addColumn('ward_id', 'text', (c) => c.notNull())
          .addColumn('counter_id', 'text', (c) => c.notNull())
          .addColumn('official_id', 'text', (c) => c.notNull())
          .addColumn('template_id', 'text', (c) => c.notNull())
          .addColumn('burst', 'integer', (c) => c.notNull())
          .addColumn('criterion_id', 'text', (c) => c.notNull())
          .addColumn('value', 'integer', (c) => c.notNull())
          .addColumn('points', 'integer', (c) => c.notNull())
          .addColumn('count', big, (c) => c.notNull())
          .addPrimaryKeyConstraint('criterion_counts_pk', criterionKeys as never)
          .execute();
        await db.schema
          .createTable('batches')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('kiosk_id', 'text', (c) => c.notNull())
          .addColumn('received_at', big, (c) => c.notNull())
          .addColumn('accepted', 'integer', (c) => c.notNull())
          .addColumn('duplicate', 'integer', (c) => c.notNull())
          .addColumn('rejected', 'integer', (c) => c.notNull())
          .execute();
        await sql`create table feedback (
            ${serial('id')},
            rating_id text not null unique,
            ward_id text not null,
            overall integer not null,
            comment text not null,
            status text not null,
            assignee text,
            response_note text,
            created_at ${sql.raw(big)} not null,
            updated_at ${sql.raw(big)} not null
          )`.execute(db);
        await db.schema.createIndex('feedback_ward_status').on('feedback').columns(['ward_id', 'status']).execute();
        await sql`create table users (
            ${serial('id')},
            username text not null unique,
            password_hash text not null,
            role text not null,
            ward_id text,
            created_at ${sql.raw(big)} not null
          )`.execute(db);
        await db.schema
          .createTable('sessions')
          .addColumn('token_hash', 'text', (c) => c.primaryKey())
          .addColumn('user_id', 'integer', (c) => c.notNull())
          .addColumn('csrf_token', 'text', (c) => c.notNull())
          .addColumn('created_at', big, (c) => c.notNull())
          .addColumn('expires_at', big, (c) => c.notNull())
          .execute();
      },
    },
    // Month-level counts: a district-year report reads ~30 times fewer rows than from the daily ones.
    '0002_monthly_counts': {
      async up(db: Kysely<unknown>) {
        const place = ['ward_id', 'counter_id', 'official_id', 'template_id'];
        let ratings = db.schema.createTable('monthly_rating_counts').addColumn('month', 'text', (c) => c.notNull());
        for (const column of place) ratings = ratings.addColumn(column, 'text', (c) => c.notNull());
        await ratings
          .addColumn('scale_size', 'integer', (c) => c.notNull())
          .addColumn('burst', 'integer', (c) => c.notNull())
          .addColumn('overall', 'integer', (c) => c.notNull())
          .addColumn('count', big, (c) => c.notNull())
          .addPrimaryKeyConstraint('monthly_rating_counts_pk', ['month', ...place, 'scale_size', 'burst', 'overall'] as never)
          .execute();
        let criteria = db.schema.createTable('monthly_criterion_counts').addColumn('month', 'text', (c) => c.notNull());
        for (const column of place) criteria = criteria.addColumn(column, 'text', (c) => c.notNull());
        await criteria
          .addColumn('burst', 'integer', (c) => c.notNull())
          .addColumn('criterion_id', 'text', (c) => c.notNull())
          .addColumn('value', 'integer', (c) => c.notNull())
          .addColumn('points', 'integer', (c) => c.notNull())
          .addColumn('count', big, (c) => c.notNull())
          .addPrimaryKeyConstraint('monthly_criterion_counts_pk', ['month', ...place, 'burst', 'criterion_id', 'value', 'points'] as never)
          .execute();
        await sql`insert into monthly_rating_counts
          select substr(day, 1, 7), ward_id, counter_id, official_id, template_id, scale_size, burst, overall, sum(count)
          from rating_counts group by substr(day, 1, 7), ward_id, counter_id, official_id, template_id, scale_size, burst, overall`.execute(
          db,
        );
        await sql`insert into monthly_criterion_counts
          select substr(day, 1, 7), ward_id, counter_id, official_id, template_id, burst, criterion_id, value, points, sum(count)
          from criterion_counts group by substr(day, 1, 7), ward_id, counter_id, official_id, template_id, burst, criterion_id, value, points`.execute(
          db,
        );
      },
    },
    // A re-enrolment code gives an existing kiosk a new token and keeps its identity (and its queue).
    '0003_reenrolment_codes': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('enrolment_codes').addColumn('for_kiosk_id', 'text').execute();
      },
    },
    '0004_dossier_codes': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('ratings').addColumn('dossier_code', 'text').execute();
        await db.schema
          .alterTable('ratings')
          .addColumn('dossier_repeat', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.createIndex('ratings_dossier_code').on('ratings').column('dossier_code').execute();
      },
    },
    '0005_official_attribution': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable('wards')
          .addColumn('attribution', 'text', (c) => c.notNull().defaultTo('none'))
          .execute();
        await db.schema.alterTable('officials').addColumn('pin', 'text').execute();
        await db.schema.alterTable('officials').addColumn('photo', 'text').execute();
      },
    },
    '0006_alerts': {
      async up(db: Kysely<unknown>) {
        await sql`create table alerts (
            ${serial('id')},
            kind text not null,
            ward_id text not null,
            kiosk_id text,
            rating_id text,
            details text not null,
            created_at ${sql.raw(big)} not null,
            emailed_at ${sql.raw(big)},
            email_error text,
            acknowledged_at ${sql.raw(big)},
            acknowledged_by text,
            note text
          )`.execute(db);
        await db.schema.createIndex('alerts_ward_open').on('alerts').columns(['ward_id', 'acknowledged_at']).execute();
        await db.schema.createIndex('alerts_rating').on('alerts').columns(['rating_id']).unique().execute();
        // A ward's latest ratings, read after every batch for the satisfaction trend: from the index's end.
        await db.schema
          .createIndex('ratings_ward_latest')
          .on('ratings')
          .columns(['ward_id', 'burst', 'corrected_at_ms', 'received_at', 'seq'])
          .execute();
      },
    },
    // The server judges bursts against a kiosk's stored ratings around a batch's times.
    '0007_ratings_kiosk_time': {
      async up(db: Kysely<unknown>) {
        await db.schema.createIndex('ratings_kiosk_time').on('ratings').columns(['kiosk_id', 'corrected_at_ms']).execute();
      },
    },
    // USB export files are signed with the kiosk's own key; the server keeps only the public halves.
    '0008_kiosk_export_keys': {
      async up(db: Kysely<unknown>) {
        await sql`create table kiosk_export_keys (
            kiosk_id text not null,
            public_key text not null,
            registered_at ${sql.raw(big)} not null,
            primary key (kiosk_id, public_key)
          )`.execute(db);
      },
    },
    // A dossier rated more than once in a ward waits for the district's decision on which counts.
    '0009_dossier_decisions': {
      async up(db: Kysely<unknown>) {
        await sql`create table dossier_decisions (
            ward_id text not null,
            dossier_code text not null,
            counted_rating_id text,
            decided_by text not null,
            decided_at ${sql.raw(big)} not null,
            primary key (ward_id, dossier_code)
          )`.execute(db);
        await db.schema.createIndex('ratings_ward_dossier').on('ratings').columns(['ward_id', 'dossier_code']).execute();
      },
    },
    // The completeness ledger: each kiosk's count per incarnation of its storage, what arrived, what is missing.
    '0010_completeness_ledger': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable('ratings')
          .addColumn('incarnation', 'text', (c) => c.notNull().defaultTo(''))
          .execute();
        await db.schema.dropIndex('ratings_kiosk_seq').execute();
        await db.schema.createIndex('ratings_kiosk_count').on('ratings').columns(['kiosk_id', 'incarnation', 'seq']).execute();
        await sql`create table kiosk_incarnations (
            kiosk_id text not null,
            incarnation text not null,
            first_seq integer,
            started_at text,
            first_seen_at ${sql.raw(big)} not null,
            highest_reported integer not null default 0,
            primary key (kiosk_id, incarnation)
          )`.execute(db);
        await sql`create table sequence_runs (
            kiosk_id text not null,
            incarnation text not null,
            first_seq integer not null,
            last_seq integer not null,
            primary key (kiosk_id, incarnation, first_seq)
          )`.execute(db);
        await sql`create table sequence_refusals (
            kiosk_id text not null,
            incarnation text not null,
            seq integer not null,
            code text not null,
            refused_at ${sql.raw(big)} not null,
            primary key (kiosk_id, incarnation, seq)
          )`.execute(db);
        await sql`create table sequence_gaps (
            kiosk_id text not null,
            incarnation text not null,
            first_seq integer not null,
            last_seq integer not null,
            detected_at ${sql.raw(big)} not null,
            alerted_at ${sql.raw(big)},
            note text,
            noted_by text,
            noted_at ${sql.raw(big)},
            primary key (kiosk_id, incarnation, first_seq)
          )`.execute(db);
        // Ratings stored before incarnations belong to the kiosk's first count (''), numbered from 1:
        // their runs are the islands of consecutive numbers (dense_rank: a number stored twice is one).
        await sql`insert into kiosk_incarnations (kiosk_id, incarnation, first_seq, started_at, first_seen_at, highest_reported)
          select kiosk_id, '', 1, null, min(received_at), 0 from ratings group by kiosk_id`.execute(db);
        await sql`insert into sequence_runs (kiosk_id, incarnation, first_seq, last_seq)
          select kiosk_id, '', min(seq), max(seq) from (
            select kiosk_id, seq, seq - dense_rank() over (partition by kiosk_id order by seq) as island from ratings
          ) numbered group by kiosk_id, island`.execute(db);
      },
    },
    // A district describes itself: wards and counters retire (never deleted), accounts are disabled or
    // must change their password, and every change an account makes is kept in the audit log.
    '0011_district_setup': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('wards').addColumn('retired_at', big).execute();
        await db.schema.alterTable('wards').addColumn('leader_email', 'text').execute();
        await db.schema.alterTable('counters').addColumn('retired_at', big).execute();
        await db.schema.alterTable('officials').addColumn('created_at', big).execute();
        await db.schema.alterTable('users').addColumn('disabled_at', big).execute();
        await db.schema
          .alterTable('users')
          .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await sql`create table audit_log (
            ${serial('id')},
            at ${sql.raw(big)} not null,
            user_id integer,
            username text not null,
            action text not null,
            subject text not null,
            ward_id text,
            before text,
            after text
          )`.execute(db);
        await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at']).execute();
      },
    },
    // Each session says which browser it was opened in, so its account can recognise and end it.
    '0012_session_browser': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('sessions').addColumn('user_agent', 'text').execute();
        await db.schema.createIndex('sessions_user').on('sessions').columns(['user_id']).execute();
      },
    },
    // Two servers on one PostgreSQL must not raise one alert twice: each alert's episode has a key,
    // unique while it matters (released when a ceiling or a full disk is acknowledged).
    '0013_alert_keys': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('alerts').addColumn('dedupe_key', 'text').execute();
        await db.schema.createIndex('alerts_dedupe_key').on('alerts').column('dedupe_key').unique().execute();
      },
    },
    // The worklist's search finds "ghe cho" in "GHẾ CHỜ": each comment and assignee also kept folded
    // (shared/text/fold.ts), filled here for the feedback that came before.
    '0014_feedback_search': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .alterTable('feedback')
          .addColumn('comment_folded', 'text', (c) => c.notNull().defaultTo(''))
          .execute();
        await db.schema.alterTable('feedback').addColumn('assignee_folded', 'text').execute();
        const before = db as unknown as Kysely<{
          feedback: { id: number; comment: string; assignee: string | null } & Record<string, unknown>;
        }>;
        const rows = await before.selectFrom('feedback').select(['id', 'comment', 'assignee']).execute();
        for (const row of rows) {
          await before
            .updateTable('feedback')
            .set({
              comment_folded: foldForSearch(row.comment),
              assignee_folded: row.assignee === null ? null : foldForSearch(row.assignee),
            })
            .where('id', '=', row.id)
            .execute();
        }
      },
    },
  };
}

class InlineMigrations implements MigrationProvider {
  constructor(private readonly engine: Engine) {}
  async getMigrations() {
    return migrations(this.engine);
  }
}

/** Brings the database to one version (a test of a later migration's data step starts there). */
export async function migrateTo(db: Kysely<unknown>, engine: Engine, target: string): Promise<void> {
  const { error } = await new Migrator({ db, provider: new InlineMigrations(engine) }).migrateTo(target);
  if (error) throw new Error(`Database migration to ${target} failed: ${String(error)}`);
}

/** Brings the database to the latest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<Database>, engine: Engine): Promise<void> {
  const migrator = new Migrator({ db, provider: new InlineMigrations(engine) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, { cause: error });
}

import { AlertKind, type AlertItem } from '../../shared/contract/admin-api';
import { isoAt } from '../time';
import { AlertSettings, ratingAlerts, satisfactionAlert, silentKioskAlerts, type Alert, type RatedItem } from '../../shared/alerts/rules';
import { DEFAULT_OPENING_HOURS, openMinutesBetween } from '../../shared/schema/opening-hours';
import type { Store } from '../db/connect';
import { loadCounts } from '../ledger/counts';
import type { Mailer } from './mailer';

/** Where the alert settings are kept (the settings table); ingest reads the ceiling from them too. */
export const ALERT_SETTINGS_KEY = 'alert_settings';
const lowKey = (wardId: string) => `alert_low:${wardId}`;

const storageFullMessage = (since: string) => ({
  subject: '[Hài Lòng] Máy chủ quận hết dung lượng lưu trữ',
  text:
    `Từ ${since}, ổ đĩa của máy chủ đã đầy: máy chủ không lưu được đánh giá mới và các ki-ốt đang giữ lại để gửi sau (không mất dữ liệu). ` +
    'Vui lòng giải phóng dung lượng hoặc mở rộng ổ đĩa ngay.',
});

/** The words of an alert, for the e-mail (the dashboard shows the same facts). */
function describe(alert: Alert, wardName: string): { subject: string; text: string } {
  switch (alert.kind) {
    case 'very-dissatisfied-comment':
      return {
        subject: `[Hài Lòng] ${wardName}: một công dân "Rất không hài lòng" có góp ý`,
        text: `Xem góp ý trên trang quản trị, mục Cảnh báo (đánh giá ${alert.ratingId}).`,
      };
    case 'satisfaction-drop':
      return {
        subject: `[Hài Lòng] ${wardName}: tỷ lệ hài lòng giảm còn ${Math.round(alert.share * 100)}%`,
        text: `Trong ${alert.window} đánh giá gần nhất, ${Math.round(alert.share * 100)}% công dân hài lòng trở lên.`,
      };
    case 'silent-kiosk':
      return {
        subject: `[Hài Lòng] ${wardName}: ki-ốt ${alert.kioskId.slice(0, 8)} không liên lạc`,
        text: `Ki-ốt ${alert.kioskId} không gửi dữ liệu trong ${alert.silentMinutes} phút làm việc. Vui lòng kiểm tra điện, mạng.`,
      };
    case 'sequence-gap':
      return {
        subject: `[Hài Lòng] ${wardName}: ki-ốt ${alert.kioskId.slice(0, 8)} thiếu đánh giá số ${alert.first}–${alert.last}`,
        text: `Máy chủ không nhận được ${alert.last - alert.first + 1} đánh giá (số ${alert.first} đến ${alert.last}, lần đếm thứ ${alert.incarnationNumber}) và ki-ốt cũng không còn giữ chúng. Vui lòng kiểm tra ki-ốt, mạng và ghi chú nguyên nhân trên trang Ki-ốt.`,
      };
    case 'kiosk-recounting':
      return {
        subject: `[Hài Lòng] ${wardName}: bộ nhớ ki-ốt ${alert.kioskId.slice(0, 8)} bắt đầu đếm lại`,
        text: `Ki-ốt ${alert.kioskId} bắt đầu lần đếm thứ ${alert.incarnationNumber}: bộ nhớ của ki-ốt đã bị xoá hoặc cài lại. Những đánh giá chưa gửi trước đó (nếu có) sẽ hiện là thiếu trên trang Ki-ốt.`,
      };
    case 'kiosk-ceiling':
      return {
        subject: `[Hài Lòng] ${wardName}: ki-ốt ${alert.kioskId.slice(0, 8)} nhận quá nhiều đánh giá`,
        text: `Ki-ốt ${alert.kioskId} gửi hơn ${alert.ratings} đánh giá trong ${alert.minutes} phút, nhiều hơn một quầy phục vụ được. Các đánh giá vượt ngưỡng được giữ lại nhưng không tính vào báo cáo. Vui lòng kiểm tra ki-ốt và mã thiết bị.`,
      };
  }
}

/**
 * Turns the pure rules of shared/alerts/rules.ts into stored alerts: after each batch or import
 * (a very dissatisfied citizen who wrote; a ward's satisfied share falling), and on a timer (kiosks
 * silent during opening hours). Each is stored once, e-mailed when SMTP is configured (a mail
 * failure is recorded, never thrown into the batch that raised it), and acknowledged with a note.
 */
export class AlertService {
  /** The server's disk was found full at this time, and the alert is not on file yet (it needs the disk). */
  private storageFullSince: number | null = null;

  constructor(
    private readonly store: Store,
    private readonly options: {
      now: () => Date;
      mailer: Mailer | null;
      report: (error: unknown) => void;
      /** The public address (HAILONG_PUBLIC_URL): an e-mail links to the dashboard there, never to a request's Host. */
      publicUrl?: () => string | undefined;
    },
  ) {}

  async settings(): Promise<AlertSettings> {
    const row = await this.store.db.selectFrom('settings').select('value').where('key', '=', ALERT_SETTINGS_KEY).executeTakeFirst();
    const parsed = AlertSettings.safeParse(row ? JSON.parse(row.value) : {});
    return parsed.success ? parsed.data : AlertSettings.parse({});
  }

  async saveSettings(settings: AlertSettings): Promise<void> {
    const value = JSON.stringify(AlertSettings.parse(settings));
    await this.store.db
      .insertInto('settings')
      .values({ key: ALERT_SETTINGS_KEY, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }

  /** After ratings were stored (sync or import): the ones that need a person, and the ward's trend. */
  async afterRatings(wardId: string, ratingIds: readonly string[]): Promise<void> {
    if (ratingIds.length === 0) return;
    const settings = await this.settings();
    const items = (ids: readonly string[]) =>
      this.store.db
        .selectFrom('ratings')
        .select(['id', 'ward_id', 'overall', 'scale_size', 'comment'])
        .where('id', 'in', ids as string[])
        .execute();
    const alerts: Alert[] = [];
    for (let i = 0; i < ratingIds.length; i += 500) {
      for (const row of await items(ratingIds.slice(i, i + 500))) alerts.push(...ratingAlerts(toItem(row)));
    }
    const recent = await this.store.db
      .selectFrom('ratings')
      .select(['id', 'ward_id', 'overall', 'scale_size', 'comment'])
      .where('ward_id', '=', wardId)
      .where('burst', '=', 0)
      .orderBy('corrected_at_ms', 'desc')
      .orderBy('received_at', 'desc')
      .orderBy('seq', 'desc')
      .limit(settings.window)
      .execute();
    const wasLow =
      (await this.store.db.selectFrom('settings').select('value').where('key', '=', lowKey(wardId)).executeTakeFirst())?.value === '1';
    const trend = satisfactionAlert(wardId, recent.reverse().map(toItem), settings, wasLow);
    if (trend.low !== wasLow) {
      // Going low is claimed in one statement: of two batches (or two servers) seeing it at once,
      // only the one that turned the flag raises the alert.
      const claimed = await this.setLow(wardId, trend.low);
      if (trend.alert && claimed) alerts.push(trend.alert);
    }
    await this.raise(alerts);
  }

  /** Sets a ward's "satisfaction is low" flag; true when this call changed it. */
  private async setLow(wardId: string, low: boolean): Promise<boolean> {
    const value = low ? '1' : '0';
    const updated = await this.store.db
      .updateTable('settings')
      .set({ value })
      .where('key', '=', lowKey(wardId))
      .where('value', '!=', value)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0) return true;
    const inserted = await this.store.db
      .insertInto('settings')
      .values({ key: lowKey(wardId), value })
      .onConflict((oc) => oc.column('key').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  /**
   * A kiosk sent more ratings than its ceiling allows (a copied token, a fault): raised once, and
   * not again while that alert is open.
   */
  async afterCeiling(kioskId: string, wardId: string): Promise<void> {
    const open = await this.store.db
      .selectFrom('alerts')
      .select('id')
      .where('kind', '=', 'kiosk-ceiling')
      .where('kiosk_id', '=', kioskId)
      .where('acknowledged_at', 'is', null)
      .executeTakeFirst();
    if (open) return;
    const settings = await this.settings();
    await this.raise([{ kind: 'kiosk-ceiling', kioskId, wardId, ratings: settings.ceilingRatings, minutes: settings.ceilingMinutes }]);
  }

  /** A kiosk's storage started counting again (wiped or reinstalled): once per new count. */
  async afterRecounting(kioskId: string, wardId: string, incarnationNumber: number): Promise<void> {
    await this.raise([{ kind: 'kiosk-recounting', kioskId, wardId, incarnationNumber }]);
  }

  /**
   * Gaps in kiosks' counts missing for longer than the settings allow: each raised once (a gap that
   * changes shape keeps its alert), and the gap remembers it.
   */
  async checkSequenceGaps(): Promise<number> {
    const settings = await this.settings();
    const now = this.options.now().getTime();
    const due = await this.store.db
      .selectFrom('sequence_gaps')
      .innerJoin('kiosks', 'kiosks.id', 'sequence_gaps.kiosk_id')
      .select([
        'sequence_gaps.kiosk_id',
        'sequence_gaps.incarnation',
        'sequence_gaps.first_seq',
        'sequence_gaps.last_seq',
        'kiosks.ward_id',
      ])
      .where('sequence_gaps.alerted_at', 'is', null)
      .where('sequence_gaps.detected_at', '<=', now - settings.gapAlertAfterMinutes * 60_000)
      .execute();
    if (due.length === 0) return 0;
    const counts = await loadCounts(this.store.db, [...new Set(due.map((g) => g.kiosk_id))]);
    for (const gap of due) {
      const number = counts.get(gap.kiosk_id)?.find((c) => c.incarnation === gap.incarnation)?.number ?? 1;
      await this.raise([
        {
          kind: 'sequence-gap',
          kioskId: gap.kiosk_id,
          wardId: gap.ward_id,
          incarnation: gap.incarnation,
          incarnationNumber: number,
          first: gap.first_seq,
          last: gap.last_seq,
        },
      ]);
      await this.store.db
        .updateTable('sequence_gaps')
        .set({ alerted_at: now })
        .where('kiosk_id', '=', gap.kiosk_id)
        .where('incarnation', '=', gap.incarnation)
        .where('first_seq', '=', gap.first_seq)
        .execute();
    }
    return due.length;
  }

  /**
   * The disk under the database is full (an answer was 507): the leaders are e-mailed at once (that
   * needs no disk), and the alert is put on file as soon as the disk takes it, once per episode.
   */
  storageFull(): void {
    if (this.storageFullSince !== null) return;
    const since = this.options.now().getTime();
    this.storageFullSince = since;
    if (this.options.mailer) {
      void this.options.mailer.send(storageFullMessage(isoAt(since)!)).catch(this.options.report);
    }
    void this.fileStorageFull();
  }

  /** Puts a waiting disk-full alert on file; tried again on the timer until the disk takes it. */
  async fileStorageFull(): Promise<void> {
    const since = this.storageFullSince;
    if (since === null) return;
    try {
      const open = await this.store.db
        .selectFrom('alerts')
        .select('id')
        .where('kind', '=', 'storage-full')
        .where('acknowledged_at', 'is', null)
        .executeTakeFirst();
      if (!open) {
        await this.store.db
          .insertInto('alerts')
          .values({
            kind: 'storage-full',
            ward_id: '',
            kiosk_id: null,
            rating_id: null,
            details: JSON.stringify({ since: isoAt(since) }),
            created_at: this.options.now().getTime(),
            emailed_at: this.options.mailer ? since : null,
            dedupe_key: 'storage-full',
          })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      this.storageFullSince = null;
    } catch {
      // Still full: kept for the next try.
    }
  }

  /** Kiosks silent for longer than allowed, counting only the counters' opening hours. */
  async checkSilentKiosks(): Promise<number> {
    const settings = await this.settings();
    const now = this.options.now().getTime();
    const kiosks = await this.store.db
      .selectFrom('kiosks')
      .select(['id', 'ward_id', 'last_seen_at', 'enrolled_at', 'revoked_at'])
      .execute();
    const silent = silentKioskAlerts(
      kiosks.map((k) => ({ id: k.id, wardId: k.ward_id, lastSeenAt: k.last_seen_at ?? k.enrolled_at, revoked: k.revoked_at !== null })),
      settings,
      (since) => openMinutesBetween(DEFAULT_OPENING_HOURS, since ?? now, now),
    );
    // Once per silence: not again while an alert raised since the kiosk was last heard is on file.
    const fresh: Alert[] = [];
    for (const alert of silent) {
      if (alert.kind !== 'silent-kiosk') continue;
      const lastSeen = kiosks.find((k) => k.id === alert.kioskId)!;
      const raised = await this.store.db
        .selectFrom('alerts')
        .select('id')
        .where('kind', '=', 'silent-kiosk')
        .where('kiosk_id', '=', alert.kioskId)
        .where('created_at', '>=', lastSeen.last_seen_at ?? lastSeen.enrolled_at)
        .executeTakeFirst();
      if (!raised) fresh.push(alert);
    }
    // Once per silence across servers too: the silence is named by when the kiosk was last heard.
    const keys = new Map(
      fresh.map((alert) => {
        const kiosk = kiosks.find((k) => 'kioskId' in alert && k.id === alert.kioskId)!;
        return [alert, `silent:${kiosk.id}:${kiosk.last_seen_at ?? kiosk.enrolled_at}`] as const;
      }),
    );
    await this.raise(fresh, keys);
    return fresh.length;
  }

  private async raise(alerts: readonly Alert[], keys?: ReadonlyMap<Alert, string>): Promise<void> {
    if (alerts.length === 0) return; // the common case, after every batch: no query at all
    const wards = new Map(
      (await this.store.db.selectFrom('wards').select(['id', 'name_vi', 'leader_email']).execute()).map((w) => [w.id, w]),
    );
    for (const alert of alerts) {
      const created = await this.store.db
        .insertInto('alerts')
        .values({
          kind: alert.kind,
          ward_id: alert.wardId,
          kiosk_id: 'kioskId' in alert ? alert.kioskId : null,
          rating_id: alert.kind === 'very-dissatisfied-comment' ? alert.ratingId : null,
          details: JSON.stringify(alert),
          created_at: this.options.now().getTime(),
          dedupe_key: keys?.get(alert) ?? episodeKey(alert),
        })
        // Raised by another server (or another batch) first: once is enough.
        .onConflict((oc) => oc.doNothing())
        .returning('id')
        .executeTakeFirst();
      const ward = wards.get(alert.wardId);
      if (created && this.options.mailer)
        void this.email(created.id, {
          ...describe(alert, ward?.name_vi ?? alert.wardId),
          also: ward?.leader_email ? [ward.leader_email] : [],
        });
    }
  }

  private async email(id: number, message: { subject: string; text: string; also?: readonly string[] }) {
    try {
      const url = this.options.publicUrl?.();
      await this.options.mailer!.send(url ? { ...message, text: `${message.text}\n\nXem trên trang quản trị: ${url}/admin/` } : message);
      await this.store.db.updateTable('alerts').set({ emailed_at: this.options.now().getTime() }).where('id', '=', id).execute();
    } catch (error) {
      this.options.report(error);
      await this.store.db
        .updateTable('alerts')
        .set({ email_error: String(error instanceof Error ? error.message : error).slice(0, 300) })
        .where('id', '=', id)
        .execute()
        .catch(this.options.report);
    }
  }

  async list(options: { wardId: string | undefined; open: boolean }): Promise<AlertItem[]> {
    let q = this.store.db.selectFrom('alerts').selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(500);
    if (options.wardId) q = q.where('ward_id', '=', options.wardId);
    q = options.open ? q.where('acknowledged_at', 'is', null) : q.where('acknowledged_at', 'is not', null);
    const rows = await q.execute();
    const wardNames = new Map((await this.store.db.selectFrom('wards').select(['id', 'name_vi']).execute()).map((w) => [w.id, w.name_vi]));
    const ratingIds = rows.map((r) => r.rating_id).filter((id): id is string => id !== null);
    const comments = new Map(
      ratingIds.length === 0
        ? []
        : (await this.store.db.selectFrom('ratings').select(['id', 'comment']).where('id', 'in', ratingIds).execute()).map((r) => [
            r.id,
            r.comment,
          ]),
    );
    return rows.map((r): AlertItem => {
      const details = JSON.parse(r.details) as Partial<{
        share: number;
        window: number;
        silentMinutes: number;
        ratings: number;
        minutes: number;
        first: number;
        last: number;
        incarnationNumber: number;
        since: string;
      }>;
      return {
        id: r.id,
        kind: AlertKind.parse(r.kind),
        wardId: r.ward_id,
        wardName: r.ward_id === '' ? 'Toàn quận' : (wardNames.get(r.ward_id) ?? r.ward_id),
        kioskId: r.kiosk_id,
        ratingId: r.rating_id,
        createdAt: isoAt(r.created_at),
        emailedAt: isoAt(r.emailed_at),
        emailError: r.email_error,
        acknowledgedAt: isoAt(r.acknowledged_at),
        acknowledgedBy: r.acknowledged_by,
        note: r.note,
        comment: r.rating_id ? (comments.get(r.rating_id) ?? null) : null,
        details: {
          ...(details.share !== undefined && { share: details.share }),
          ...(details.window !== undefined && { window: details.window }),
          ...(details.silentMinutes !== undefined && { silentMinutes: details.silentMinutes }),
          ...(details.ratings !== undefined && { ratings: details.ratings }),
          ...(details.minutes !== undefined && { minutes: details.minutes }),
          ...(details.first !== undefined && { first: details.first }),
          ...(details.last !== undefined && { last: details.last }),
          ...(details.incarnationNumber !== undefined && { incarnationNumber: details.incarnationNumber }),
          ...(details.since !== undefined && { since: details.since }),
        },
      };
    });
  }

  /**
   * False when there is no such open alert (in this ward, for a ward viewer). A gap's alert lends its
   * note to the gap, where the ledger and the quarter's completeness statement show it.
   */
  async acknowledge(id: number, by: string, note: string, wardId: string | undefined): Promise<boolean> {
    const at = this.options.now().getTime();
    let q = this.store.db
      .updateTable('alerts')
      .set({ acknowledged_at: at, acknowledged_by: by, note })
      .where('id', '=', id)
      .where('acknowledged_at', 'is', null);
    if (wardId) q = q.where('ward_id', '=', wardId);
    if (Number((await q.executeTakeFirst()).numUpdatedRows) === 0) return false;
    // A ceiling or a full disk may happen again once acknowledged: its key is released.
    await this.store.db
      .updateTable('alerts')
      .set({ dedupe_key: null })
      .where('id', '=', id)
      .where('kind', 'in', ['kiosk-ceiling', 'storage-full'])
      .execute();
    const alert = await this.store.db
      .selectFrom('alerts')
      .select(['kind', 'kiosk_id', 'details'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    if (alert.kind === 'sequence-gap' && alert.kiosk_id) {
      const gap = JSON.parse(alert.details) as { incarnation?: string; first: number; last: number };
      await this.store.db
        .updateTable('sequence_gaps')
        .set({ note, noted_by: by, noted_at: at })
        .where('kiosk_id', '=', alert.kiosk_id)
        .where('incarnation', '=', gap.incarnation ?? '')
        .where('first_seq', '<=', gap.last)
        .where('last_seq', '>=', gap.first)
        .where('note', 'is', null)
        .execute();
    }
    return true;
  }
}

const toItem = (row: { id: string; ward_id: string; overall: number; scale_size: number; comment: string }): RatedItem => ({
  id: row.id,
  wardId: row.ward_id,
  overall: row.overall,
  scaleSize: row.scale_size,
  comment: row.comment,
});

/**
 * The episode an alert belongs to, where one episode must give one alert whichever server sees it:
 * an open ceiling, a gap, a new count. Comments are keyed by their rating; a ward's drop is claimed
 * by its flag; silences by when the kiosk was last heard (given by checkSilentKiosks).
 */
function episodeKey(alert: Alert): string | null {
  switch (alert.kind) {
    case 'kiosk-ceiling':
      return `ceiling:${alert.kioskId}`;
    case 'sequence-gap':
      return `gap:${alert.kioskId}:${alert.incarnation}:${alert.first}`;
    case 'kiosk-recounting':
      return `recount:${alert.kioskId}:${alert.incarnationNumber}`;
    default:
      return null;
  }
}

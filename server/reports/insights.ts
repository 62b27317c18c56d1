import type { Insights } from '../../shared/contract/admin-api';
import { periodDays, shiftPeriod, type Period } from '../../shared/report/period';
import type { Store } from '../db/connect';
import { HttpError } from '../http/errors';
import { loadTemplates } from '../ingest';

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

const summary = (range: { from: string; to: string }, rows: readonly { satisfied: number }[]) => ({
  ...range,
  count: rows.length,
  satisfiedShare: rows.length ? rows.filter((r) => r.satisfied === 1).length / rows.length : null,
});

/**
 * A period analysed from the ratings themselves (the counts tables have no hour): the period before
 * of the same kind, the district's share beside a ward's, when in the week ratings fall and how
 * satisfied they are, and the reasons chosen with unsatisfied ratings.
 */
export async function buildInsights(store: Store, query: Period & { wardId?: string; includeBursts: boolean }): Promise<Insights> {
  const days = periodDays(query);
  if (!days) throw new HttpError(400, 'invalid_period', 'The period does not fit its "at", "from" and "to".');
  const before = periodDays(shiftPeriod(query, -1))!;
  const ratings = (range: { from: string; to: string }, wardId?: string) => {
    let q = store.db.selectFrom('ratings').where('day', '>=', range.from).where('day', '<=', range.to);
    if (wardId) q = q.where('ward_id', '=', wardId);
    return q;
  };
  const counted = <T extends { burst: number; dossier_repeat: number }>(rows: T[]) =>
    query.includeBursts ? rows : rows.filter((r) => r.burst === 0 && r.dossier_repeat === 0);
  const headline = async (range: { from: string; to: string }, wardId?: string) => {
    const rows = counted(await ratings(range, wardId).select(['satisfied', 'burst', 'dossier_repeat']).execute());
    return summary(range, rows);
  };

  const all = await ratings(days, query.wardId)
    .select(['corrected_at_ms', 'satisfied', 'overall', 'scale_size', 'reasons', 'template_id', 'template_version', 'burst', 'dossier_repeat'])
    .execute();
  const rows = counted(all);
  const cells = new Map<string, { weekday: number; hour: number; count: number; satisfied: number }>();
  for (const r of rows) {
    const local = new Date(r.corrected_at_ms + VIETNAM_OFFSET_MS);
    const weekday = ((local.getUTCDay() + 6) % 7) + 1;
    const hour = local.getUTCHours();
    const cell = cells.get(`${weekday}|${hour}`) ?? { weekday, hour, count: 0, satisfied: 0 };
    cell.count++;
    cell.satisfied += r.satisfied;
    cells.set(`${weekday}|${hour}`, cell);
  }

  const templates = await loadTemplates(
    store,
    rows.map((r) => ({ templateId: r.template_id, templateVersion: r.template_version })),
  );
  const unsatisfied = rows.filter((r) => r.satisfied === 0);
  // Per reason: how often, and with which level (its words, ordered worst first by the level's value).
  const reasons = new Map<string, { labelEn: string; count: number; levels: Map<string, { value: number; levelEn: string; count: number }> }>();
  for (const r of unsatisfied) {
    const template = templates.get(`${r.template_id}@${r.template_version}`);
    const scaleLevel = template?.scale.find((l) => l.value === r.overall)?.label;
    const level = scaleLevel?.vi ?? String(r.overall);
    for (const code of JSON.parse(r.reasons) as string[]) {
      const words = template?.reasons.find((reason) => reason.code === code)?.label;
      const label = words?.vi ?? code;
      const entry = reasons.get(label) ?? { labelEn: words?.en ?? code, count: 0, levels: new Map() };
      entry.count++;
      const atLevel = entry.levels.get(level) ?? { value: r.overall, levelEn: scaleLevel?.en ?? level, count: 0 };
      atLevel.count++;
      entry.levels.set(level, atLevel);
      reasons.set(label, entry);
    }
  }

  return {
    current: summary(days, rows),
    previous: await headline(before, query.wardId),
    districtShare: query.wardId ? (await headline(days)).satisfiedShare : null,
    heatmap: [...cells.values()]
      .sort((a, b) => a.weekday - b.weekday || a.hour - b.hour)
      .map((c) => ({ weekday: c.weekday, hour: c.hour, count: c.count, satisfiedShare: c.satisfied / c.count })),
    reasons: [...reasons]
      .map(([label, { labelEn, count, levels }]) => ({
        label,
        labelEn,
        count,
        byLevel: [...levels].sort(([, a], [, b]) => a.value - b.value).map(([level, { levelEn, count: n }]) => ({ level, levelEn, count: n })),
      }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi')),
    unsatisfied: unsatisfied.length,
    excluded: { bursts: all.filter((r) => r.burst === 1).length, repeats: all.filter((r) => r.dossier_repeat === 1 && r.burst === 0).length },
  };
}

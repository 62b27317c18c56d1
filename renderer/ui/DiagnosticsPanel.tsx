import { useCallback, useEffect, useState } from 'react';
import type { ShellDiagnostics } from '../../shared/contract/bridge';
import { syncErrorKind } from '../../shared/sync/error-kind';
import type { Diagnostics, TechnicianPort } from '../host/technician';
import type { MessageKey } from '../i18n/messages';
import { useKioskView } from './KioskContext';
import { ScreenHeading } from './ScreenHeading';

/** Megabytes as the screen's language writes numbers ("4.098,0 MB" in Vietnamese). */
const megabytes = (bytes: number | null, locale: 'vi' | 'en') =>
  bytes === null
    ? '—'
    : `${new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(bytes / 1_048_576)} MB`;
/** The later of two UTC ISO instants (they sort as text). */
const latest = (a: string | null | undefined, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));
const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('vi-VN') : '—');

/** The Electron shell's own facts: how the device token is kept, the journal, a waiting update. */
function shellRows(
  shell: ShellDiagnostics,
  t: (key: MessageKey, values?: Record<string, string | number>) => string,
): [MessageKey, string][] {
  const token = shell.tokenEncrypted === null ? '—' : t(shell.tokenEncrypted ? 'technician.tokenEncrypted' : 'technician.tokenPlain');
  const update = shell.update.pending ? t('technician.updatePending', { version: shell.update.pending }) : t('technician.updateNone');
  return [
    ['technician.token', token],
    ['technician.journal', String(shell.journalEntries)],
    ['technician.incarnations', String(shell.incarnations)],
    ['technician.update', update],
  ];
}

/** Everything a technician checks at the counter, and "Đồng bộ ngay". */
export function DiagnosticsPanel({ port }: { port: TechnicianPort }) {
  const { t, locale } = useKioskView();
  const [facts, setFacts] = useState<Diagnostics | null>(null);
  const [syncing, setSyncing] = useState(false);
  const refresh = useCallback(() => void port.diagnostics().then(setFacts), [port]);
  useEffect(refresh, [refresh]);

  const syncNow = async () => {
    if (!port.syncNow) return;
    setSyncing(true);
    try {
      await port.syncNow();
    } finally {
      setSyncing(false);
      refresh();
    }
  };

  if (!facts) return <p className="hint">{t('technician.loading')}</p>;
  const yesNo = (value: boolean | null) => (value === null ? '—' : t(value ? 'technician.yes' : 'technician.no'));
  const rows: [MessageKey, string][] = [
    ['technician.kioskId', facts.kioskId],
    ['technician.place', `${facts.ward[locale]} · ${facts.counter[locale]}`],
    ['technician.template', t('technician.templateValue', { name: facts.template.name[locale], version: facts.template.version })],
    ['technician.appVersion', facts.appVersion],
    ['technician.online', yesNo(facts.online)],
    ['technician.server', yesNo(facts.serverReachable)],
    ['technician.pending', String(facts.queue.pending)],
    ['technician.synced', String(facts.queue.synced)],
    ['technician.oldestPending', when(facts.oldestPendingAt)],
    ['technician.lastSync', when(latest(facts.sync?.lastSyncAt, facts.lastSettledAt))],
    ['technician.syncStatus', facts.sync ? t(`technician.status.${facts.sync.status}` as MessageKey) : '—'],
    [
      'technician.lastError',
      facts.sync?.lastError
        ? `${t(`technician.error.${syncErrorKind(facts.sync.lastError)}` as MessageKey)} (${facts.sync.lastError})`
        : '—',
    ],
    ['technician.storage', `${megabytes(facts.storage.usage, locale)} / ${megabytes(facts.storage.quota, locale)}`],
    [
      'technician.count',
      facts.count
        ? t('technician.countValue', { first: facts.count.firstSeq, highest: facts.count.highestSeq, since: when(facts.count.startedAt) })
        : '—',
    ],
    ...(facts.shell ? shellRows(facts.shell, t) : []),
  ];
  return (
    <section className="screen screen-technician" data-screen="diagnostics">
      <ScreenHeading>{t('technician.diagnostics')}</ScreenHeading>
      <dl className="diagnostics">
        {rows.map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            {/* The kiosk's id is a machine's name on purpose: support and the district's fleet list match it. */}
            <dd data-raw={key === 'technician.kioskId' ? '' : undefined}>{value}</dd>
          </div>
        ))}
      </dl>
      <h2>{t('technician.quarantined', { count: facts.queue.quarantined })}</h2>
      {facts.quarantined.length > 0 && (
        <table className="quarantine">
          <thead>
            <tr>
              <th>{t('technician.seq')}</th>
              <th>{t('technician.completedAt')}</th>
              <th>{t('technician.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {facts.quarantined.map((r) => (
              <tr key={r.id}>
                <td>{r.seq}</td>
                <td>{when(r.completedAt)}</td>
                <td>
                  <code>{r.rejection.code}</code> {r.rejection.message}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="footer">
        <button type="button" className="secondary" onClick={refresh}>
          {t('technician.refresh')}
        </button>
        {port.syncNow && (
          <button type="button" className="primary" onClick={() => void syncNow()} disabled={syncing}>
            {t(syncing ? 'technician.syncing' : 'technician.syncNow')}
          </button>
        )}
      </div>
    </section>
  );
}

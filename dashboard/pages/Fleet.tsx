import { Fragment, useState } from 'react';
import { adminApi, type EnrolmentCodeCreated } from '../../shared/contract/admin-api';
import { call } from '../api';
import { ConfirmButton } from '../ConfirmButton';
import { useErrorText } from '../errors';
import { useT } from '../i18n';
import { EnrolmentCodeCard } from './EnrolmentCodeCard';
import { ImportCard } from './ImportCard';
import { useLoad } from '../useLoad';
import { dateTime } from './format';
import { LedgerGaps, LedgerSummary } from './KioskLedger';

export function Fleet({ canManage }: { canManage: boolean }) {
  const t = useT();
  const kiosks = useLoad(() => call(adminApi.kiosks), []);
  const errorText = useErrorText();
  // What happened, beside the kiosk it happened to.
  const [outcome, setOutcome] = useState<{ id: string; ok: boolean; text: string } | null>(null);
  const revoke = async (id: string) => {
    try {
      await call(adminApi.revokeKiosk, { params: { id } });
      setOutcome({ id, ok: true, text: t('fleet.revokedDone') });
      kiosks.reload();
    } catch (error) {
      setOutcome({ id, ok: false, text: errorText(error) });
    }
  };
  // Same kiosk, new token: for a revoked kiosk, or one whose token was lost; what it holds still counts.
  const [reenrol, setReenrol] = useState<{ id: string; code: EnrolmentCodeCreated } | null>(null);
  const makeReenrolmentCode = async (id: string) => {
    setReenrol({ id, code: await call(adminApi.reenrolmentCode, { params: { id } }) });
  };
  if (kiosks.failure !== undefined) return <p role="alert">{errorText(kiosks.failure)}</p>;
  return (
    <>
      {reenrol && <EnrolmentCodeCard created={reenrol.code} title={t('fleet.reenrolFor', { kiosk: reenrol.id.slice(0, 8) })} />}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('fleet.kiosk')}</th>
            <th scope="col">{t('fleet.place')}</th>
            <th scope="col">{t('fleet.lastSeen')}</th>
            <th scope="col">{t('fleet.queue')}</th>
            <th scope="col">{t('fleet.completeness')}</th>
            <th scope="col">{t('fleet.version')}</th>
            <th scope="col">{t('fleet.health')}</th>
            {canManage && <th scope="col" />}
          </tr>
        </thead>
        <tbody>
          {kiosks.data?.length === 0 && (
            <tr>
              <td colSpan={8}>{t('common.none')}</td>
            </tr>
          )}
          {kiosks.data?.map((k) => (
            <Fragment key={k.id}>
              <tr className={k.silent || k.ledger.some((c) => c.gaps.length > 0) ? 'warn' : undefined}>
                <td>
                  <code>{k.id.slice(0, 8)}</code>
                </td>
                <td>
                  {k.wardName} – {k.counterLabel}
                </td>
                <td>{dateTime(k.lastSeenAt)}</td>
                <td>{k.heartbeat?.queueDepth ?? '–'}</td>
                <td>
                  <LedgerSummary ledger={k.ledger} />
                </td>
                <td>{k.appVersion ?? '–'}</td>
                <td>{k.revokedAt !== null ? t('fleet.revoked') : k.silent ? t('fleet.silent') : t('fleet.ok')}</td>
                {canManage && (
                  <td>
                    {k.revokedAt === null && (
                      <ConfirmButton
                        label={t('fleet.revoke')}
                        question={t('fleet.revokeQuestion')}
                        confirm={t('fleet.revokeConfirm')}
                        onConfirm={() => void revoke(k.id)}
                      />
                    )}
                    <button type="button" onClick={() => void makeReenrolmentCode(k.id)}>
                      {t('fleet.reenrol')}
                    </button>
                    {outcome?.id === k.id && (
                      <p role={outcome.ok ? 'status' : 'alert'} className={outcome.ok ? 'done' : 'problem'}>
                        {outcome.text}
                      </p>
                    )}
                  </td>
                )}
              </tr>
              {k.ledger.some((c) => c.gaps.length > 0) && (
                <tr className="detail">
                  <td colSpan={8}>
                    <LedgerGaps kiosk={k} onNoted={kiosks.reload} />
                  </td>
                </tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {canManage && <ImportCard onImported={kiosks.reload} />}
    </>
  );
}

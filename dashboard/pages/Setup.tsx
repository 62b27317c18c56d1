import { useState } from 'react';
import { adminApi } from '../../shared/contract/admin-api';
import { districtApi, type DistrictState } from '../../shared/contract/district-api';
import { call } from '../api';
import { useT } from '../i18n';
import { AddWardForm, DistrictForm } from '../organisation/forms';
import { SpreadsheetImport } from '../organisation/SpreadsheetImport';
import { WardList } from '../organisation/WardCard';
import { useLoad } from '../useLoad';

/**
 * The first administrator's first visit to an empty server: the unit, then its wards and counters,
 * then the usual dashboard. Everything here can be changed later under Tổ chức.
 */
export function Setup({ initial, onDone }: { initial: DistrictState; onDone: () => void }) {
  const t = useT();
  const [state, setState] = useState(initial);
  const wards = useLoad(() => call(districtApi.managedWards), []);
  const templates = useLoad(() => call(adminApi.templates), []);
  const [note, setNote] = useState<string | null>(null);
  const hasWard = (wards.data?.length ?? 0) > 0;
  return (
    <main className="setup">
      <h1>{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <h2>{t('setup.step1')}</h2>
      <DistrictForm state={state} onSaved={setState} />
      {state.district && (
        <>
          <h2>{t('setup.step2')}</h2>
          {note && <p role="status">{note}</p>}
          <WardList
            wards={wards.data}
            templates={templates.data ?? []}
            onChanged={(text) => {
              setNote(text);
              wards.reload();
            }}
          />
          <AddWardForm onAdded={() => wards.reload()} />
          <SpreadsheetImport onApplied={() => wards.reload()} />
          {!hasWard && <p>{t('setup.needWard')}</p>}
          <button type="button" className="primary" disabled={!hasWard} onClick={onDone}>
            {t('setup.finish')}
          </button>
        </>
      )}
    </main>
  );
}

import { useState } from 'react';
import { adminApi } from '../../shared/contract/admin-api';
import { districtApi } from '../../shared/contract/district-api';
import { call } from '../api';
import { useErrorText } from '../errors';
import { useT } from '../i18n';
import { AddWardForm, DistrictForm } from '../organisation/forms';
import { SpreadsheetImport } from '../organisation/SpreadsheetImport';
import { WardList } from '../organisation/WardCard';
import { useLoad } from '../useLoad';

/** The district describes itself: the unit, its wards, their counters and kiosks. */
export function Organisation() {
  const t = useT();
  const errorText = useErrorText();
  const district = useLoad(() => call(districtApi.district), []);
  const wards = useLoad(() => call(districtApi.managedWards), []);
  const templates = useLoad(() => call(adminApi.templates), []);
  const [note, setNote] = useState<string | null>(null);
  if (district.failure || wards.failure) return <p role="alert">{errorText(district.failure ?? wards.failure)}</p>;
  return (
    <>
      <p>{t('org.help')}</p>
      {district.data && (
        <DistrictForm key={JSON.stringify(district.data.district)} state={district.data} onSaved={() => district.reload()} />
      )}
      {note && <p role="status">{note}</p>}
      <SpreadsheetImport
        onApplied={() => {
          wards.reload();
        }}
      />
      <AddWardForm
        onAdded={() => {
          setNote(t('org.saved'));
          wards.reload();
        }}
      />
      {wards.data?.length === 0 && <p>{t('org.noWards')}</p>}
      <WardList
        wards={wards.data}
        templates={templates.data ?? []}
        onChanged={(text) => {
          setNote(text);
          wards.reload();
        }}
      />
    </>
  );
}

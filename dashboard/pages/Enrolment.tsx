import { useState } from 'react';
import { adminApi, type EnrolmentCodeCreated } from '../../shared/contract/admin-api';
import { call } from '../api';
import { useErrorText } from '../errors';
import { useT } from '../i18n';
import { useLoad } from '../useLoad';
import { EnrolmentCodeCard } from './EnrolmentCodeCard';
import { WardSelect } from './WardSelect';

export function Enrolment() {
  const t = useT();
  const wards = useLoad(() => call(adminApi.wards), []);
  const [place, setPlace] = useState({ wardId: '', counterId: '' });
  const [created, setCreated] = useState<EnrolmentCodeCreated | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorText = useErrorText();
  // A retired ward or counter takes no new kiosk: it is not offered.
  const openWards = wards.data?.filter((w) => !w.retired);
  const ward = openWards?.find((w) => w.id === place.wardId);
  const create = async () => {
    setError(null);
    try {
      setCreated(await call(adminApi.enrolmentCode, { body: place }));
    } catch (e) {
      setError(errorText(e));
    }
  };
  return (
    <div>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void create();
        }}
      >
        <WardSelect
          label={t('enrol.ward')}
          wards={openWards}
          value={place.wardId}
          onChange={(wardId) => setPlace({ wardId, counterId: '' })}
        />
        <label>
          {t('enrol.counter')}
          <select value={place.counterId} onChange={(e) => setPlace({ ...place, counterId: e.target.value })}>
            <option value="" />
            {ward?.counters
              .filter((c) => !c.retired)
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label.vi}
                </option>
              ))}
          </select>
        </label>
        <button type="submit" disabled={!place.wardId || !place.counterId}>
          {t('enrol.create')}
        </button>
      </form>
      {error && <p role="alert">{error}</p>}
      {created && <EnrolmentCodeCard created={created} />}
    </div>
  );
}

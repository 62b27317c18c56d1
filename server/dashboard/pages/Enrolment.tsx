import { useState } from 'react';
import { z } from 'zod';
import { api } from '../api';
import { useT } from '../i18n';
import { EnrolmentCode, Ward } from '../shapes';
import { useLoad } from '../useLoad';
import { EnrolmentCodeCard } from './EnrolmentCodeCard';
import { WardSelect } from './WardSelect';

export function Enrolment() {
  const t = useT();
  const wards = useLoad(() => api('/api/v1/admin/wards', z.array(Ward)), []);
  const [place, setPlace] = useState({ wardId: '', counterId: '' });
  const [created, setCreated] = useState<z.infer<typeof EnrolmentCode> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ward = wards.data?.find((w) => w.id === place.wardId);
  const create = async () => {
    setError(null);
    try {
      setCreated(await api('/api/v1/admin/enrolment-codes', EnrolmentCode, { method: 'POST', body: place }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
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
        <WardSelect label={t('enrol.ward')} wards={wards.data} value={place.wardId} onChange={(wardId) => setPlace({ wardId, counterId: '' })} />
        <label>
          {t('enrol.counter')}
          <select value={place.counterId} onChange={(e) => setPlace({ ...place, counterId: e.target.value })}>
            <option value="" />
            {ward?.counters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label_vi}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={!place.wardId || !place.counterId}>
          {t('enrol.create')}
        </button>
      </form>
      {error && <p role="alert">{t('common.error', { message: error })}</p>}
      {created && <EnrolmentCodeCard created={created} />}
    </div>
  );
}

import { useState, type FormEvent } from 'react';
import type { Official } from '../../shared/contract/admin-api';
import { districtApi } from '../../shared/contract/district-api';
import { call } from '../api';
import { useErrorText } from '../errors';
import { Field } from '../Field';
import { useT } from '../i18n';
import { nameProblem } from './forms';

type Ward = { id: string; name: { vi: string } };

/** An official's name, title, whether they still work here, and their ward (a move keeps their history). */
export function OfficialEditor({
  official,
  wards,
  onDone,
  onCancel,
}: {
  official: Official;
  wards: Ward[];
  onDone: () => void;
  onCancel: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const [form, setForm] = useState({ name: official.name, title: official.title ?? '', active: official.active, wardId: official.wardId });
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = nameProblem(form.name) ?? (form.title.trim() && nameProblem(form.title));
    if (local) return setProblem(t(local));
    try {
      await call(districtApi.changeOfficial, {
        params: { id: official.id },
        body: { name: form.name.trim(), title: form.title.trim() || null, active: form.active, wardId: form.wardId },
      });
      onDone();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <form className="form-row" onSubmit={(e) => void submit(e)} noValidate aria-label={`${t('officials.edit')}: ${official.name}`}>
      <Field label={t('officials.name')} value={form.name} problem={problem} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      <Field label={t('officials.title')} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
      <label className="check">
        <input type="checkbox" checked={form.active} onChange={(e) => setForm({ ...form, active: e.target.checked })} />
        {t('officials.active')}
      </label>
      <label>
        {t('officials.moveTo')}
        <select value={form.wardId} onChange={(e) => setForm({ ...form, wardId: e.target.value })}>
          {wards.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name.vi}
            </option>
          ))}
        </select>
      </label>
      <button type="submit">{t('org.save')}</button>
      <button type="button" onClick={onCancel}>
        {t('org.cancel')}
      </button>
    </form>
  );
}

/** A new official of a ward. */
export function AddOfficialForm({ wardId, onAdded }: { wardId: string; onAdded: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [form, setForm] = useState({ name: '', title: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = nameProblem(form.name) ?? (form.title.trim() && nameProblem(form.title));
    if (local) return setProblem(t(local));
    try {
      await call(districtApi.createOfficial, { body: { wardId, name: form.name.trim(), title: form.title.trim() || null } });
      setForm({ name: '', title: '' });
      setProblem(null);
      onAdded();
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <form className="form-row" onSubmit={(e) => void submit(e)} noValidate aria-label={t('officials.add')}>
      <Field label={t('officials.name')} value={form.name} problem={problem} onChange={(e) => setForm({ ...form, name: e.target.value })} />
      <Field label={t('officials.title')} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
      <button type="submit">{t('officials.add')}</button>
    </form>
  );
}

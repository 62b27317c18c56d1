import { useState, type FormEvent } from 'react';
import { z } from 'zod';
import { District, PlaceName, type DistrictState, type ManagedWard } from '../../shared/contract/district-api';
import { districtApi } from '../../shared/contract/district-api';
import { call } from '../api';
import { errorCode, useErrorText } from '../errors';
import { Field } from '../Field';
import { useT } from '../i18n';

// The forms the first set-up and the organisation page share. Each checks its fields with the
// contract's own schemas before sending, and puts the server's refusal beside the field it concerns.

export const nameProblem = (value: string) => (PlaceName.safeParse(value).success ? null : ('field.name' as const));
const Email = z.email();
export const emailProblem = (value: string) =>
  value.trim() === '' || Email.safeParse(value.trim()).success ? null : ('field.email' as const);

export function DistrictForm({ state, onSaved }: { state: DistrictState | undefined; onSaved: (next: DistrictState) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [form, setForm] = useState({
    name: state?.district?.name ?? '',
    province: state?.district?.province ?? '',
    unit: state?.district?.unit ?? '',
  });
  const [checked, setChecked] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const problems = { name: nameProblem(form.name), province: nameProblem(form.province), unit: nameProblem(form.unit || form.name) };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (problems.name || problems.province || problems.unit) return;
    try {
      const next = await call(districtApi.saveDistrict, { body: District.parse({ ...form, unit: form.unit.trim() || form.name }) });
      setOutcome({ ok: true, text: t('district.saved') });
      onSaved(next);
    } catch (error) {
      setOutcome({ ok: false, text: errorText(error) });
    }
  };
  const show = (key: keyof typeof problems) => (checked && problems[key] ? t(problems[key]) : null);
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate>
      <div className="form-row">
        <Field
          label={t('district.name')}
          value={form.name}
          problem={show('name')}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <Field
          label={t('district.province')}
          value={form.province}
          problem={show('province')}
          onChange={(e) => setForm({ ...form, province: e.target.value })}
        />
        <Field
          label={t('district.unit')}
          value={form.unit}
          placeholder={form.name}
          problem={show('unit')}
          onChange={(e) => setForm({ ...form, unit: e.target.value })}
        />
        <button type="submit">{t('district.save')}</button>
      </div>
      {outcome && <p role={outcome.ok ? 'status' : 'alert'}>{outcome.text}</p>}
    </form>
  );
}

export function AddWardForm({ onAdded }: { onAdded: (ward: ManagedWard) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [form, setForm] = useState({ name: '', leaderEmail: '' });
  const [checked, setChecked] = useState(false);
  const [refused, setRefused] = useState<{ code: string | null; text: string } | null>(null);
  const problems = { name: nameProblem(form.name), leaderEmail: emailProblem(form.leaderEmail) };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setRefused(null);
    if (problems.name || problems.leaderEmail) return;
    try {
      const ward = await call(districtApi.createWard, { body: { name: form.name.trim(), leaderEmail: form.leaderEmail.trim() || null } });
      setForm({ name: '', leaderEmail: '' });
      setChecked(false);
      onAdded(ward);
    } catch (error) {
      setRefused({ code: errorCode(error), text: errorText(error) });
    }
  };
  const nameShown = checked && problems.name ? t(problems.name) : refused?.code === 'name_taken' ? refused.text : null;
  return (
    <form className="panel" onSubmit={(e) => void submit(e)} noValidate aria-label={t('org.addWard')}>
      <h2>{t('org.addWard')}</h2>
      <div className="form-row">
        <Field
          label={t('org.wardName')}
          value={form.name}
          problem={nameShown}
          onChange={(e) => setForm({ ...form, name: e.target.value })}
        />
        <Field
          label={t('org.leaderEmail')}
          type="email"
          value={form.leaderEmail}
          problem={checked && problems.leaderEmail ? t(problems.leaderEmail) : null}
          onChange={(e) => setForm({ ...form, leaderEmail: e.target.value })}
        />
        <button type="submit">{t('org.addWard')}</button>
      </div>
      {refused && refused.code !== 'name_taken' && <p role="alert">{refused.text}</p>}
    </form>
  );
}

/** One name field and a button: a new counter, or a new name for one. */
export function NameForm({
  label,
  submitLabel,
  initial = '',
  onSubmit,
  onCancel,
}: {
  label: string;
  submitLabel: string;
  initial?: string;
  onSubmit: (name: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const t = useT();
  const errorText = useErrorText();
  const [name, setName] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const local = nameProblem(name);
    if (local) return setProblem(t(local));
    try {
      await onSubmit(name.trim());
      setName('');
      setProblem(null);
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <form className="form-row" onSubmit={(e) => void submit(e)} noValidate>
      <Field label={label} value={name} problem={problem} onChange={(e) => setName(e.target.value)} />
      <button type="submit">{submitLabel}</button>
      {onCancel && (
        <button type="button" onClick={onCancel}>
          {t('org.cancel')}
        </button>
      )}
    </form>
  );
}

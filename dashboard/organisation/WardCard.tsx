import { useState, type FormEvent } from 'react';
import { adminApi } from '../../shared/contract/admin-api';
import { districtApi, type ManagedWard } from '../../shared/contract/district-api';
import { call } from '../api';
import { ConfirmButton } from '../ConfirmButton';
import { errorCode, useErrorText } from '../errors';
import { Field } from '../Field';
import { useT } from '../i18n';
import { dateTime } from '../pages/format';
import { emailProblem, NameForm, nameProblem } from './forms';

type Template = { id: string; name: { vi: string } };

/** One ward: its names and leader's e-mail, its survey, its counters with their kiosks; retire it. */
export function WardCard({ ward, templates, onChanged }: { ward: ManagedWard; templates: Template[]; onChanged: (note: string) => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [editing, setEditing] = useState(false);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const retired = ward.retiredAt !== null;
  const act = async (work: () => Promise<unknown>) => {
    setProblem(null);
    try {
      await work();
      onChanged(t('org.saved'));
    } catch (error) {
      setProblem(errorText(error));
    }
  };
  return (
    <section className={`panel ward-card${retired ? ' retired' : ''}`} aria-label={ward.name}>
      <h2>
        {ward.name} {retired && <span className="badge off">{t('org.retired', { date: dateTime(ward.retiredAt) })}</span>}
      </h2>
      {ward.nameEn !== ward.name && <p className="muted">{ward.nameEn}</p>}
      <p className="muted">
        {t('org.summary', { officials: ward.officials, ratings: ward.ratings.toLocaleString('vi-VN') })}
        {ward.leaderEmail && ` · ${ward.leaderEmail}`}
      </p>
      {problem && <p role="alert">{problem}</p>}
      {!retired && editing && (
        <WardEditForm ward={ward} onDone={(note) => (setEditing(false), onChanged(note))} onCancel={() => setEditing(false)} />
      )}
      {!retired && !editing && (
        <div className="actions">
          <button type="button" onClick={() => setEditing(true)}>
            {t('officials.edit')}
          </button>
          <label className="check">
            {t('org.template')}{' '}
            <select
              value={ward.templateId}
              onChange={(e) =>
                void act(() => call(adminApi.assignTemplate, { params: { id: ward.id }, body: { templateId: e.target.value } }))
              }
            >
              {templates.map((template) => (
                <option key={template.id} value={template.id}>
                  {template.name.vi}
                </option>
              ))}
            </select>
          </label>
          <ConfirmButton
            label={t('org.retire')}
            question={t('org.retireWardConfirm', { name: ward.name })}
            confirm={t('org.confirmRetire')}
            onConfirm={() => void act(() => call(districtApi.retireWard, { params: { id: ward.id } }))}
          />
        </div>
      )}
      <h3>{t('org.counters')}</h3>
      <ul className="counter-list">
        {ward.counters.map((counter) => (
          <li key={counter.id}>
            {renaming === counter.id ? (
              <NameForm
                label={t('org.counterName')}
                submitLabel={t('org.save')}
                initial={counter.name}
                onCancel={() => setRenaming(null)}
                onSubmit={async (name) => {
                  await call(districtApi.changeCounter, { params: { id: ward.id, counterId: counter.id }, body: { name } });
                  setRenaming(null);
                  onChanged(t('org.saved'));
                }}
              />
            ) : (
              <>
                <strong>{counter.name}</strong>
                {counter.retiredAt && <span className="badge off">{t('org.retired', { date: dateTime(counter.retiredAt) })}</span>}
                <span className="muted">
                  {counter.kiosks.length === 0
                    ? t('org.noKiosk')
                    : `${t('org.kiosks', { count: counter.kiosks.length })}: ${counter.kiosks
                        .map((k) => (k.lastSeenAt ? t('org.lastSeen', { date: dateTime(k.lastSeenAt) }) : t('org.neverSeen')))
                        .join('; ')}`}
                </span>
                {!retired && !counter.retiredAt && (
                  <span className="actions">
                    <button type="button" onClick={() => setRenaming(counter.id)} aria-label={`${t('org.rename')}: ${counter.name}`}>
                      {t('org.rename')}
                    </button>
                    <ConfirmButton
                      label={t('org.retire')}
                      question={t('org.retireCounterConfirm', { name: counter.name })}
                      confirm={t('org.confirmRetire')}
                      onConfirm={() => void act(() => call(districtApi.retireCounter, { params: { id: ward.id, counterId: counter.id } }))}
                    />
                  </span>
                )}
              </>
            )}
          </li>
        ))}
      </ul>
      {!retired && (
        <NameForm
          label={t('org.counterName')}
          submitLabel={t('org.addCounter')}
          onSubmit={async (name) => {
            await call(districtApi.createCounter, { params: { id: ward.id }, body: { name } });
            onChanged(t('org.saved'));
          }}
        />
      )}
    </section>
  );
}

function WardEditForm({ ward, onDone, onCancel }: { ward: ManagedWard; onDone: (note: string) => void; onCancel: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [form, setForm] = useState({ name: ward.name, nameEn: ward.nameEn, leaderEmail: ward.leaderEmail ?? '' });
  const [refused, setRefused] = useState<{ code: string | null; text: string } | null>(null);
  const problems = { name: nameProblem(form.name), nameEn: nameProblem(form.nameEn), leaderEmail: emailProblem(form.leaderEmail) };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problems.name || problems.nameEn || problems.leaderEmail) return;
    try {
      await call(districtApi.changeWard, {
        params: { id: ward.id },
        body: { name: form.name.trim(), nameEn: form.nameEn.trim(), leaderEmail: form.leaderEmail.trim() || null },
      });
      onDone(t('org.saved'));
    } catch (error) {
      setRefused({ code: errorCode(error), text: errorText(error) });
    }
  };
  return (
    <form className="form-row" onSubmit={(e) => void submit(e)} noValidate>
      <Field
        label={t('org.wardName')}
        value={form.name}
        problem={problems.name ? t(problems.name) : refused?.code === 'name_taken' ? refused.text : null}
        onChange={(e) => setForm({ ...form, name: e.target.value })}
      />
      <Field
        label={t('org.wardNameEn')}
        value={form.nameEn}
        problem={problems.nameEn ? t(problems.nameEn) : null}
        onChange={(e) => setForm({ ...form, nameEn: e.target.value })}
      />
      <Field
        label={t('org.leaderEmail')}
        type="email"
        value={form.leaderEmail}
        problem={problems.leaderEmail ? t(problems.leaderEmail) : null}
        onChange={(e) => setForm({ ...form, leaderEmail: e.target.value })}
      />
      <button type="submit">{t('org.save')}</button>
      <button type="button" onClick={onCancel}>
        {t('org.cancel')}
      </button>
      {refused && refused.code !== 'name_taken' && <p role="alert">{refused.text}</p>}
    </form>
  );
}

/** Every ward's card; a change reloads the list and says what happened. */
export function WardList({
  wards,
  templates,
  onChanged,
}: {
  wards: ManagedWard[] | undefined;
  templates: Template[];
  onChanged: (note: string) => void;
}) {
  return (
    <>
      {wards?.map((ward) => (
        <WardCard key={ward.id} ward={ward} templates={templates} onChanged={onChanged} />
      ))}
    </>
  );
}

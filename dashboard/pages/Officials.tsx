import { useState } from 'react';
import { adminApi, type OfficialChange } from '../../shared/contract/admin-api';
import { Attribution } from '../../shared/schema/kiosk-config';
import { OfficialPin } from '../../shared/technician/pin';
import { call } from '../api';
import { useErrorText } from '../errors';
import { AddOfficialForm, OfficialEditor } from '../organisation/OfficialEditor';
import { useT, type DashboardKey } from '../i18n';
import { useLoad } from '../useLoad';

const MODES = ['none', 'shift', 'citizen'] as const;

/** A file chosen in the browser as a data: URL, for an official's photo on the kiosks. */
const asDataUrl = (file: File) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** Officials per ward: how the ward attributes ratings, each official's sign-in PIN and photo. */
export function Officials({ canManage, canSetPins }: { canManage: boolean; canSetPins: boolean }) {
  const t = useT();
  const wards = useLoad(() => call(adminApi.wards), []);
  const officials = useLoad(() => call(adminApi.officials, { query: {} }), []);
  const [pins, setPins] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const errorText = useErrorText();

  const change = async (work: () => Promise<unknown>, done: DashboardKey) => {
    try {
      await work();
      setMessage({ text: t(done), ok: true });
      wards.reload();
      officials.reload();
    } catch (error) {
      setMessage({ text: errorText(error), ok: false });
    }
  };
  const saveOfficial = (id: string, body: OfficialChange) =>
    change(() => call(adminApi.updateOfficial, { params: { id }, body }), 'officials.saved');

  if (wards.failure || officials.failure) return <p role="alert">{errorText(wards.failure ?? officials.failure)}</p>;
  const openWards = wards.data?.filter((w) => !w.retired) ?? [];
  return (
    <>
      <p>{t('officials.help')}</p>
      {message && <p role={message.ok ? 'status' : 'alert'}>{message.text}</p>}
      {wards.data?.map((ward) => (
        <section key={ward.id} aria-label={ward.name.vi}>
          <h2>{ward.name.vi}</h2>
          <label>
            {t('officials.mode')}{' '}
            <select
              value={ward.attribution}
              disabled={!canManage}
              onChange={(e) =>
                void change(
                  () =>
                    call(adminApi.setAttribution, { params: { id: ward.id }, body: { attribution: Attribution.parse(e.target.value) } }),
                  'officials.saved',
                )
              }
            >
              {MODES.map((mode) => (
                <option key={mode} value={mode}>
                  {t(`officials.mode.${mode}` as DashboardKey)}
                </option>
              ))}
            </select>
          </label>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('officials.photo')}</th>
                <th scope="col">{t('officials.name')}</th>
                <th scope="col">{t('officials.pin')}</th>
                {canSetPins && <th scope="col" />}
              </tr>
            </thead>
            <tbody>
              {officials.data
                ?.filter((o) => o.wardId === ward.id)
                .map((o) => (
                  <tr key={o.id} className={o.active ? undefined : 'muted'}>
                    <td>{o.photo ? <img className="official-thumb" src={o.photo} alt="" /> : '–'}</td>
                    <td>
                      {editing === o.id ? (
                        <OfficialEditor
                          official={o}
                          wards={openWards}
                          onCancel={() => setEditing(null)}
                          onDone={() => {
                            setEditing(null);
                            setMessage({ text: t('officials.saved'), ok: true });
                            officials.reload();
                          }}
                        />
                      ) : (
                        <>
                          {o.name} {!o.active && <span className="badge off">{t('officials.inactive')}</span>}
                          {o.title && <div className="muted">{o.title}</div>}
                          {canManage && (
                            <button type="button" onClick={() => setEditing(o.id)} aria-label={`${t('officials.edit')}: ${o.name}`}>
                              {t('officials.edit')}
                            </button>
                          )}
                        </>
                      )}
                    </td>
                    <td>{t(o.hasPin ? 'officials.pinSet' : 'officials.pinNone')}</td>
                    {canSetPins && (
                      <td>
                        <input
                          type="password"
                          inputMode="numeric"
                          autoComplete="new-password"
                          aria-label={t('officials.newPin', { name: o.name })}
                          value={pins[o.id] ?? ''}
                          onChange={(e) => setPins({ ...pins, [o.id]: e.target.value })}
                        />
                        <button
                          type="button"
                          onClick={() => {
                            // Checked here first, so the person reads why next to what they typed.
                            if (!OfficialPin.safeParse(pins[o.id] ?? '').success) return setMessage({ text: t('field.pin'), ok: false });
                            void saveOfficial(o.id, { pin: pins[o.id] ?? '' });
                            setPins({ ...pins, [o.id]: '' });
                          }}
                        >
                          {t('officials.setPin')}
                        </button>
                        <label>
                          {t('officials.choosePhoto')}
                          <input
                            type="file"
                            accept="image/jpeg,image/png,image/webp"
                            onChange={(e) => {
                              const file = e.target.files?.[0];
                              if (file && file.size > 5 * 1024 * 1024) setMessage({ text: t('officials.photoTooLarge'), ok: false });
                              else if (file) void asDataUrl(file).then((photo) => saveOfficial(o.id, { photo }));
                            }}
                          />
                        </label>
                      </td>
                    )}
                  </tr>
                ))}
            </tbody>
          </table>
          {canManage && !ward.retired && <AddOfficialForm wardId={ward.id} onAdded={() => officials.reload()} />}
        </section>
      ))}
    </>
  );
}

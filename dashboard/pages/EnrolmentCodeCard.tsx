import type { EnrolmentCodeCreated } from '../../shared/contract/admin-api';
import { useT } from '../i18n';

/** A code to open on the kiosk: the code, its expiry, the link and its QR code. */
export function EnrolmentCodeCard({ created, title }: { created: EnrolmentCodeCreated; title?: string }) {
  const t = useT();
  return (
    <section className="enrolment" aria-label={title}>
      {title && <h2>{title}</h2>}
      <p className="code">{t('enrol.code', { code: created.code })}</p>
      <p>{t('enrol.expires', { at: new Date(created.expiresAt).toLocaleString('vi-VN') })}</p>
      <p>
        <a href={created.link}>{created.link}</a>
      </p>
      <img className="qr" alt={t('enrol.qr')} src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(created.qrSvg)}`} />
    </section>
  );
}

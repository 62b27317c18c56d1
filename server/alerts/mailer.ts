import nodemailer from 'nodemailer';

/** Sends an alert by e-mail; injected so the alert service is tested without a mail server. */
export interface Mailer {
  /** `also`: more addresses for this message (the ward leader's, for an alert of their ward). */
  send(message: { subject: string; text: string; also?: readonly string[] }): Promise<void>;
}

/**
 * E-mail through the district's SMTP server (`HAILONG_SMTP_URL`, e.g. smtps://user:pass@mail.quan.gov.vn),
 * from `from` to the leaders in `to` and, for a ward's alert, its leader's address (set on the ward). Null
 * when not configured: alerts then live on the dashboard only.
 */
export function smtpMailer(options: { url: string | undefined; from: string; to: readonly string[] }): Mailer | null {
  if (!options.url) return null;
  const transport = nodemailer.createTransport(options.url);
  return {
    async send({ subject, text, also = [] }) {
      const to = [...new Set([...options.to, ...also])];
      if (to.length > 0) await transport.sendMail({ from: options.from, to: to.join(', '), subject, text });
    },
  };
}

import nodemailer from 'nodemailer';

/** Sends an alert by e-mail; injected so the alert service is tested without a mail server. */
export interface Mailer {
  send(message: { subject: string; text: string }): Promise<void>;
}

/**
 * E-mail through the district's SMTP server (`HAILONG_SMTP_URL`, e.g. smtps://user:pass@mail.quan.gov.vn),
 * from `from` to the leaders in `to`. Null when not configured: alerts then live on the dashboard only.
 */
export function smtpMailer(options: { url: string | undefined; from: string; to: readonly string[] }): Mailer | null {
  if (!options.url || options.to.length === 0) return null;
  const transport = nodemailer.createTransport(options.url);
  return {
    async send({ subject, text }) {
      await transport.sendMail({ from: options.from, to: options.to.join(', '), subject, text });
    },
  };
}

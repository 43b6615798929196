import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface MailMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  send(msg: MailMessage): Promise<void>;
  close(): void;
}

/**
 * SMTP when SMTP_URL is set; otherwise each message is written as an .eml file (quoted-printable,
 * readable by people and tests) to DATA_DIR/mail/. Both build the message with nodemailer.
 */
export function createMailTransport(opts: {
  smtpUrl?: string;
  from: string;
  mailDir: string;
}): MailTransport {
  const textEncoding = 'quoted-printable' as const;
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport(opts.smtpUrl);
    return {
      async send(msg) {
        await transport.sendMail({
          from: opts.from,
          to: msg.to,
          subject: msg.subject,
          text: msg.text,
          textEncoding,
          messageId: `<${msg.id}@ccc-exemption>`,
        });
      },
      close: () => transport.close(),
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(msg) {
      const info = await transport.sendMail({
        from: opts.from,
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        textEncoding,
        messageId: `<${msg.id}@ccc-exemption>`,
      });
      await fs.mkdir(opts.mailDir, { recursive: true });
      const file = path.join(opts.mailDir, `${msg.id}.eml`);
      const tmp = `${file}.tmp`;
      await fs.writeFile(tmp, info.message as Buffer);
      await fs.rename(tmp, file);
    },
    close: () => transport.close(),
  };
}

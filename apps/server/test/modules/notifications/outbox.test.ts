import fs from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, openSqlite } from '../../../src/db/database';
import { MINUTE } from '../../../src/lib/clock';
import { createMailTransport } from '../../../src/modules/notifications/mail-transport';
import { createOutboxWorker, enqueueMail } from '../../../src/modules/notifications/notifications.service';
import { buildTestApp, describeDb, type TestApp } from '../../helpers/build-test-app';
import { freePort } from '../../helpers/pg-cluster';

function decodeQuotedPrintable(s: string): string {
  const bytes = s
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

describe(`mail outbox ${describeDb}`, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(async () => t.close());

  const mailDir = () => path.join(t.config.dataDir, 'mail');
  const emlFiles = () =>
    fs.existsSync(mailDir()) ? fs.readdirSync(mailDir()).filter((f) => f.endsWith('.eml')) : [];

  it('sends nothing for a change that rolled back', async () => {
    await expect(
      t.deps.db.transaction().execute(async (trx) => {
        await enqueueMail(trx, t.deps, { to: 'a@example.com', subject: '回滚', text: '不应发送' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await t.outbox.flush()).toBe(0);
    expect(emlFiles()).toHaveLength(0);
  });

  it('writes a committed message as a readable quoted-printable .eml file, once', async () => {
    await t.deps.db.transaction().execute(async (trx) => {
      await enqueueMail(trx, t.deps, {
        to: 'b@example.com',
        subject: '注册成功',
        text: '您好，验证码 123456。',
      });
    });
    expect(await t.outbox.flush()).toBe(1);
    expect(await t.outbox.flush()).toBe(0);
    const files = emlFiles();
    expect(files).toHaveLength(1);
    const raw = fs.readFileSync(path.join(mailDir(), files[0]!), 'utf8');
    expect(raw).toContain('To: b@example.com');
    expect(raw).toMatch(/Content-Transfer-Encoding: quoted-printable/i);
    expect(
      decodeQuotedPrintable(
        raw
          .split(/\r?\n\r?\n/)
          .slice(1)
          .join('\n'),
      ),
    ).toContain('您好，验证码 123456。');
    const row = await t.deps.db
      .selectFrom('outbox')
      .selectAll()
      .where('recipient', '=', 'b@example.com')
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('sent');
    expect(row.attempts).toBe(1);
  });

  it('delivers over SMTP to a real server, retrying with back-off after a failure', async () => {
    const received: string[] = [];
    let refuse = true;
    const port = await freePort();
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, _session, cb) {
        let data = '';
        stream.on('data', (d: Buffer) => (data += d.toString()));
        stream.on('end', () => {
          if (refuse) return cb(new Error('451 try again later'));
          received.push(data);
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(port, '127.0.0.1', r));
    const transport = createMailTransport({
      smtpUrl: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
      from: 'noreply@test',
      mailDir: mailDir(),
    });
    const worker = createOutboxWorker(t.deps, transport);
    try {
      await t.deps.db
        .transaction()
        .execute((trx) =>
          enqueueMail(trx, t.deps, { to: 'c@example.com', subject: '证明已签发', text: 'SMTP 正文' }),
        );
      expect(await worker.flush()).toBe(0);
      let row = await t.deps.db
        .selectFrom('outbox')
        .selectAll()
        .where('recipient', '=', 'c@example.com')
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('pending');
      expect(row.attempts).toBe(1);
      expect(row.last_error).toContain('451');
      // not due yet: nothing happens until the back-off has passed
      refuse = false;
      expect(await worker.flush()).toBe(0);
      t.clock.advance(MINUTE + 1000);
      expect(await worker.flush()).toBe(1);
      row = await t.deps.db
        .selectFrom('outbox')
        .selectAll()
        .where('recipient', '=', 'c@example.com')
        .executeTakeFirstOrThrow();
      expect(row.status).toBe('sent');
      expect(received).toHaveLength(1);
      expect(received[0]).toContain('c@example.com');
    } finally {
      await worker.stop();
      await new Promise<void>((r) => smtp.close(() => r()));
    }
  });

  it('never sends one message twice when two instances deliver at once', async () => {
    for (let i = 0; i < 30; i++) {
      await t.deps.db
        .transaction()
        .execute((trx) =>
          enqueueMail(trx, t.deps, { to: `race${i}@example.com`, subject: '并发', text: `消息 ${i}` }),
        );
    }
    // A second instance: its own database connection(s), like another server process.
    const other = t.database.url
      ? createDatabase({ databaseUrl: t.database.url, dataDir: t.database.dataDir, poolSize: 4 }).db
      : openSqlite(t.database.file!);
    const sent: string[] = [];
    const recording = { send: async (m: { to: string }) => void sent.push(m.to), close: () => undefined };
    const w1 = createOutboxWorker(t.deps, recording);
    const w2 = createOutboxWorker({ ...t.deps, db: other }, recording);
    try {
      const [a, b] = await Promise.all([w1.flush(), w2.flush()]);
      const [c, d] = await Promise.all([w1.flush(), w2.flush()]);
      expect(a + b + c + d).toBe(30);
      const raceMails = sent.filter((s) => s.startsWith('race'));
      expect(new Set(raceMails).size).toBe(30);
      expect(raceMails).toHaveLength(30);
    } finally {
      await other.destroy();
    }
  });
});

import path from 'node:path';
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database';
import type { Database } from '../../db/schema';
import type { AppDeps } from '../../context';
import { iso, MINUTE, plus } from '../../lib/clock';
import { newId } from '../../lib/crypto';
import { outboxRepository } from './outbox.repository';
import { createMailTransport, type MailTransport } from './mail-transport';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Queue an e-mail inside the caller's transaction: it is sent only if the change commits. */
export async function enqueueMail(
  trx: Transaction<Database> | Db,
  deps: Pick<AppDeps, 'clock'>,
  mail: OutgoingMail,
): Promise<void> {
  const now = iso(deps.clock.now());
  await outboxRepository.insert(trx, {
    id: newId(),
    channel: 'email',
    recipient: mail.to,
    subject: mail.subject,
    body_text: mail.text,
    status: 'pending',
    attempts: 0,
    next_attempt_at: now,
    claimed_until: null,
    last_error: null,
    created_at: now,
    sent_at: null,
  });
}

/**
 * SMS goes through a gateway; without one configured there is none and codes go by e-mail only.
 * (A gateway implementation posts to SMS_GATEWAY_URL; none is wired yet because none is available here.)
 */
export interface SmsGateway {
  send(mobile: string, text: string): Promise<void>;
}

const BACKOFF_MINUTES = [1, 5, 15, 60, 240, 720];
const MAX_ATTEMPTS = 8;

/** Delivers due outbox rows. Any number of instances may run it: each row is claimed before sending. */
export function createOutboxWorker(deps: AppDeps, transport?: MailTransport) {
  const mail =
    transport ??
    createMailTransport({
      smtpUrl: deps.config.smtpUrl,
      from: deps.config.mailFrom,
      mailDir: path.join(deps.config.dataDir, 'mail'),
    });
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<number> | null = null;

  async function deliverDue(): Promise<number> {
    const now = deps.clock.now();
    const due = await outboxRepository.findDue(deps.db, iso(now), 20);
    let sent = 0;
    for (const { id } of due) {
      const row = await outboxRepository.claim(deps.db, id, iso(now), iso(plus(now, 5 * MINUTE)));
      if (!row) continue;
      try {
        await mail.send({ id: row.id, to: row.recipient, subject: row.subject, text: row.body_text });
        await outboxRepository.markSent(deps.db, row.id, iso(deps.clock.now()));
        sent++;
      } catch (err) {
        const attempts = row.attempts + 1;
        const wait = BACKOFF_MINUTES[Math.min(attempts - 1, BACKOFF_MINUTES.length - 1)]!;
        const next = attempts >= MAX_ATTEMPTS ? null : iso(plus(deps.clock.now(), wait * MINUTE));
        deps.log.warn({ err, outboxId: row.id, attempts }, 'mail delivery failed');
        await outboxRepository.markFailed(deps.db, row.id, attempts, String(err), next);
      }
    }
    return sent;
  }

  return {
    /** Run one pass now (tests call this; the timer calls it too). */
    async flush(): Promise<number> {
      if (running) await running.catch(() => 0);
      running = deliverDue();
      try {
        return await running;
      } finally {
        running = null;
      }
    },
    start(intervalMs = 2000) {
      timer ??= setInterval(() => {
        if (!running)
          void this.flush().catch((err: unknown) => deps.log.error({ err }, 'outbox pass failed'));
      }, intervalMs);
      timer.unref();
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      if (running) await running.catch(() => 0);
      mail.close();
    },
  };
}
export type OutboxWorker = ReturnType<typeof createOutboxWorker>;

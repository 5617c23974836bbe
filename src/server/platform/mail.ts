import { and, asc, eq, isNull, lte, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import nodemailer from "nodemailer";
import type { Database, Queryable } from "../db/connection";
import { mailOutbox } from "../db/schema";

/**
 * Email goes through an outbox: the message is written in the same transaction as the event that
 * causes it (an invitation, a reset), then a sender delivers it over SMTP and retries with backoff.
 * Without SMTP_URL nothing is sent and messages wait in the outbox.
 */

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

export async function enqueueMail(q: Queryable, mail: OutgoingMail, at: Date): Promise<void> {
  await q.insert(mailOutbox).values({
    toAddress: mail.to,
    subject: mail.subject,
    bodyText: mail.text,
    createdAt: at,
    nextAttemptAt: at,
  });
}

const MAX_ATTEMPTS = 8;
const POLL_MS = 5_000;

export interface MailerOptions {
  db: Database;
  smtpUrl: string | undefined;
  from: string;
  log: FastifyBaseLogger;
  now: () => Date;
}

export function createMailer(options: MailerOptions) {
  const { db, log, now } = options;
  const transport = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  /**
   * Send what is due. Rows are claimed in a short transaction (SKIP LOCKED plus a lease pushed into
   * next_attempt_at), so several processes can share the outbox and no transaction stays open while
   * the SMTP server answers.
   */
  async function sendDue(): Promise<number> {
    if (!transport) return 0;
    let sent = 0;
    for (;;) {
      const at = now();
      const lease = new Date(at.getTime() + 120_000);
      const claimed = await db
        .update(mailOutbox)
        .set({ nextAttemptAt: lease })
        .where(
          sql`${mailOutbox.id} in (select id from ${mailOutbox} where ${and(
            isNull(mailOutbox.sentAt),
            lte(mailOutbox.nextAttemptAt, at),
            sql`${mailOutbox.attempts} < ${MAX_ATTEMPTS}`,
          )} order by ${asc(mailOutbox.nextAttemptAt)} limit 10 for update skip locked)`,
        )
        .returning();
      for (const row of claimed) {
        const attempts = row.attempts + 1;
        try {
          await transport.sendMail({
            from: options.from,
            to: row.toAddress,
            subject: row.subject,
            text: row.bodyText,
          });
          await db
            .update(mailOutbox)
            .set({ sentAt: now(), attempts, lastError: null })
            .where(eq(mailOutbox.id, row.id));
          sent += 1;
        } catch (error) {
          const delayMs = Math.min(3_600_000, 30_000 * 2 ** (attempts - 1));
          // SMTP error text may echo the address; keep only the code.
          const code = (error as { code?: string }).code ?? "SMTP_ERROR";
          await db
            .update(mailOutbox)
            .set({
              attempts,
              lastError: String(code).slice(0, 100),
              nextAttemptAt: new Date(now().getTime() + delayMs),
            })
            .where(eq(mailOutbox.id, row.id));
          log.warn({ mailId: row.id, attempts, code }, "email not delivered; will retry");
        }
      }
      if (claimed.length < 10) return sent;
    }
  }

  function run(): Promise<number> {
    running ??= sendDue()
      .catch((error) => {
        log.error({ err: { message: (error as Error).message } }, "mail sender failed");
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  }

  return {
    configured: transport !== undefined,
    /** Deliver now (after a transaction that queued mail commits). */
    kick(): void {
      if (!stopped) void run();
    },
    /** Wait for what is due to be sent (tests). */
    flush: run,
    start(): void {
      if (!transport || timer) return;
      timer = setInterval(() => void run(), POLL_MS);
      timer.unref();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
      transport?.close();
    },
  };
}
export type Mailer = ReturnType<typeof createMailer>;

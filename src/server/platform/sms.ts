import type { FastifyBaseLogger } from "fastify";
import type { SmsChannelKind } from "../../core/schedule/reminder-settings.schema";

/**
 * Text messages leave the server through an `SmsChannel`. No SMS provider is reachable from the
 * machines this project is built on, so the shipped channel only writes a line to the log — without
 * the phone number or the text, which are health information here — and a program plugs in its
 * provider by implementing `send` (the reference is the delivery's id: pass it to the provider as an
 * idempotency key). Chosen at start by SMS_CHANNEL (`log` or `none`).
 */

export interface SmsMessage {
  /** The phone number as the participant's record holds it. */
  to: string;
  body: string;
  /** Our id for this delivery (a reminder delivery's id), for the provider and the log. */
  reference: string;
}

export interface SmsChannel {
  readonly kind: SmsChannelKind;
  /** Whether anything is sent at all (with `none`, reminders never go by SMS). */
  readonly available: boolean;
  send(message: SmsMessage): Promise<void>;
}

/** Logs that a message would have gone out: its reference and length, never the number or the words. */
export function createLogSmsChannel(log: FastifyBaseLogger): SmsChannel {
  return {
    kind: "log",
    available: true,
    async send(message) {
      log.info(
        { sms: { reference: message.reference, length: message.body.length } },
        "text message handed to the log channel (no SMS provider configured)",
      );
    },
  };
}

export const NO_SMS_CHANNEL: SmsChannel = {
  kind: "none",
  available: false,
  async send() {
    throw new Error("No SMS channel is configured (SMS_CHANNEL=none).");
  },
};

export function createSmsChannel(kind: SmsChannelKind, log: FastifyBaseLogger): SmsChannel {
  return kind === "log" ? createLogSmsChannel(log) : NO_SMS_CHANNEL;
}

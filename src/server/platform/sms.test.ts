import { Writable } from "node:stream";
import Fastify from "fastify";
import { describe, expect, it } from "vitest";
import { createSmsChannel } from "./sms";

function capturingLogger() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: Fastify({ logger: { level: "info", stream } }).log, lines };
}

describe("SMS channels", () => {
  it("logs a text message by its reference and length only, never the number or the words", async () => {
    const { log, lines } = capturingLogger();
    const channel = createSmsChannel("log", log);
    expect(channel.available).toBe(true);
    await channel.send({
      to: "+1 555 010 4477",
      body: "Reminder: your group session is tomorrow at 6:00 PM, Room 2.",
      reference: "6f1c9a52-delivery",
    });
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as { sms: { reference: string; length: number } };
    expect(line.sms).toEqual({ reference: "6f1c9a52-delivery", length: 60 });
    expect(lines[0]).not.toMatch(/555|4477|Reminder|Room 2/);
  });

  it("sends nothing with SMS_CHANNEL=none", async () => {
    const { log, lines } = capturingLogger();
    const channel = createSmsChannel("none", log);
    expect(channel.available).toBe(false);
    await expect(channel.send({ to: "555", body: "x", reference: "r" })).rejects.toThrow(/SMS_CHANNEL=none/);
    expect(lines).toEqual([]);
  });
});

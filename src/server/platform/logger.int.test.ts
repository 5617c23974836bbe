import { Writable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenUser } from "../../../tests/support/given";
import { appHeaders, TEST_BASE_URL } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { buildApp } from "../app";
import type { DatabaseHandle } from "../db/connection";
import { loggerOptions } from "./logger";

describeEachEngine("request logs", (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  it("never contain emails, passwords, cookies, tokens or query strings", async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await buildApp({
      config: {
        baseUrl: TEST_BASE_URL,
        logLevel: "info",
        trustProxy: false,
        sessionIdleMinutes: 30,
        sessionMaxHours: 12,
        staffSessionIdleMinutes: 15,
        demo: false,
        smtpUrl: undefined,
        mailFrom: "Bridgeway <no-reply@localhost>",
      },
      database,
      version: "test",
      webDir: undefined,
      logger: { ...(loggerOptions("info") as object), stream },
    });
    try {
      const user = await givenUser(database.db, { displayName: "Rowan Blackwood" });
      const signIn = await app.inject({
        method: "POST",
        url: "/api/v1/sessions",
        headers: appHeaders,
        payload: { email: user.email, password: user.password },
      });
      const token = signIn.cookies[0]!.value;
      await app.inject({
        url: "/api/v1/sessions/current?search=Blackwood",
        headers: { cookie: `bw_session=${token}` },
      });
      await app.inject({
        method: "POST",
        url: "/api/v1/sessions",
        headers: appHeaders,
        payload: { email: user.email, password: "wrong" },
      });
    } finally {
      await app.close();
    }
    const log = lines.join("");
    expect(lines.length).toBeGreaterThan(4);
    expect(log).toContain('"url":"/api/v1/sessions/current"');
    for (const secret of ["@test.bridgeway.example", "correct horse", "Blackwood", "bw_session", "search="]) {
      expect(log).not.toContain(secret);
    }
  });
});

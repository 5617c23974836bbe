import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { MESSAGE_BODY_MAX, MESSAGES_PAGE_SIZE } from "../../core/messages/messages.schema";
import { type DatabaseHandle, queryRows } from "../db/connection";

/**
 * Secure messages end to end over HTTP on a real database: a participant (Pat) with a counselor on
 * their care team, a colleague at the same site outside it, a clinical director (site-wide), and a
 * second participant (Sam) on the colleague's care team.
 */

type Who = "pat" | "sam" | "counselor" | "colleague" | "director" | "intake";

describeEachEngine("secure messages", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let current = new Date("2026-03-02T15:00:00Z");
  const ids: Record<string, string> = {};
  const cookies = new Map<Who, string>();

  /** Each call a second later, so every message has its own time (sessions stay within their idle limit). */
  const tick = () => {
    current = new Date(current.getTime() + 1_000);
  };

  async function call(who: Who, method: "GET" | "POST", url: string, payload?: Record<string, unknown>) {
    tick();
    return app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...appHeaders, cookie: cookies.get(who)! },
      ...(payload ? { payload } : {}),
    });
  }

  const send = (who: Who, url: string, body: string, key = randomUUID()) =>
    call(who, "POST", url, { body, idempotencyKey: key });

  const auditOf = (action: string) =>
    queryRows<{ outcome: string; participant_id: string | null; actor_user_id: string; details: unknown }>(
      database.db,
      sql`select outcome, participant_id, actor_user_id, details from audit_events where action = ${action} order by seq`,
    );

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: () => new Date(current) });
    const site = await givenSite(database.db, "Messages Site");
    const other = await givenSite(database.db, "Messages Other Site");
    for (const [name, role, siteName] of [
      ["counselor", "counselor", site.name],
      ["colleague", "counselor", site.name],
      ["director", "clinical_director", site.name],
      ["intake", "intake_coordinator", site.name],
    ] as const) {
      const user = await givenUser(database.db, {
        roles: [role],
        siteNames: [siteName],
        displayName: `Messages ${name}`,
      });
      ids[name] = user.id;
      cookies.set(name, (await signIn(app, user.email, user.password)).cookie);
    }
    for (const [name, careTeam] of [
      ["pat", ids.counselor!],
      ["sam", ids.colleague!],
    ] as const) {
      const user = await givenUser(database.db, { kind: "participant", displayName: `Messages ${name}` });
      ids[`${name}User`] = user.id;
      ids[name] = (
        await givenParticipant(database.db, {
          siteId: site.id,
          givenName: name === "pat" ? "Pat" : "Sam",
          familyName: "Messages",
          userId: user.id,
          careTeam: [{ userId: careTeam, role: "primary_counselor" }],
        })
      ).id;
      cookies.set(name, (await signIn(app, user.email, user.password)).cookie);
    }
    ids.elsewhere = (await givenParticipant(database.db, { siteId: other.id })).id;
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lets a participant start a conversation, and a retried send never makes a second message", async () => {
    const key = randomUUID();
    const payload = {
      subject: "  Missing Thursday  ",
      body: "I have a doctor's appointment.",
      idempotencyKey: key,
    };
    const first = await call("pat", "POST", "/me/message-threads", payload);
    expect(first.statusCode).toBe(201);
    const sent = first.json();
    expect(sent.replayed).toBe(false);
    expect(sent.thread).toMatchObject({
      subject: "Missing Thursday",
      participant: { id: ids.pat, name: "Pat Messages" },
      unread: 0,
      lastMessage: { preview: "I have a doctor's appointment.", authorKind: "participant" },
    });
    expect(sent.message).toMatchObject({ mine: true, author: { kind: "participant", id: ids.patUser } });
    ids.thread = sent.thread.id;

    const retry = await call("pat", "POST", "/me/message-threads", payload);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ replayed: true, message: { id: sent.message.id } });
    const changed = await call("pat", "POST", "/me/message-threads", { ...payload, body: "Something else" });
    expect(changed.statusCode).toBe(409);
    expect(changed.json().error).toMatchObject({ code: "MESSAGE_KEY_REUSED" });
    expect(changed.json().error.fields[0].path).toBe("idempotencyKey");

    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from messages where thread_id = ${ids.thread}`,
    );
    expect(rows[0]!.n).toBe(1);
    expect(await auditOf("message.send_replayed")).toHaveLength(1);
    expect((await auditOf("message_thread.create"))[0]).toMatchObject({
      outcome: "allowed",
      participant_id: ids.pat,
    });
  });

  it("refuses an empty message, a missing subject and a message over the limit by field, keeping nothing", async () => {
    const url = `/me/message-threads/${ids.thread}/messages`;
    const empty = await send("pat", url, "   ");
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0]).toMatchObject({
      path: "body",
      message: "Write a message before sending.",
    });
    const noSubject = await call("pat", "POST", "/me/message-threads", {
      subject: " ",
      body: "Hello",
      idempotencyKey: randomUUID(),
    });
    expect(noSubject.json().error.fields[0].path).toBe("subject");
    const tooLong = await send("pat", url, "a".repeat(MESSAGE_BODY_MAX + 5));
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.code).toBe("MESSAGE_TOO_LONG");
    expect(tooLong.json().error.fields[0].path).toBe("body");
    expect(tooLong.json().error.message).toContain(`${MESSAGE_BODY_MAX}`);
    expect(tooLong.json().error.message).toContain(`${MESSAGE_BODY_MAX + 5}`);
    const exactly = await send("pat", url, "🙂".repeat(MESSAGE_BODY_MAX));
    expect(exactly.statusCode).toBe(201);
    const rows = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from messages where thread_id = ${ids.thread}`,
    );
    expect(rows[0]!.n).toBe(2);
  });

  it("counts unread per person and clears it with a read mark that never moves back", async () => {
    const badge = async (who: Who) => (await call(who, "GET", "/messages/unread")).json().unread;
    expect(await badge("counselor")).toBe(2);
    // Not on Pat's care team: not in the colleague's caseload badge.
    expect(await badge("colleague")).toBe(0);
    // The director reads site-wide but the badge is their caseload and their own conversations.
    expect(await badge("director")).toBe(0);

    const opened = await call("counselor", "GET", `/message-threads/${ids.thread}`);
    expect(opened.statusCode).toBe(200);
    const messages = opened.json().messages as { id: string; sentAt: string; mine: boolean }[];
    expect(messages).toHaveLength(2);
    expect(messages[0]!.sentAt < messages[1]!.sentAt).toBe(true);
    expect(messages.every((m) => !m.mine)).toBe(true);
    expect(opened.json().thread.unread).toBe(2);

    // Read through the first message only: one stays unread.
    const partly = await call("counselor", "POST", `/message-threads/${ids.thread}/read`, {
      through: messages[0]!.sentAt,
    });
    expect(partly.json()).toMatchObject({ threadId: ids.thread, unread: 1 });
    const all = await call("counselor", "POST", `/message-threads/${ids.thread}/read`, {
      through: messages[1]!.sentAt,
    });
    expect(all.json().unread).toBe(0);
    const back = await call("counselor", "POST", `/message-threads/${ids.thread}/read`, {
      through: messages[0]!.sentAt,
    });
    expect(back.json()).toMatchObject({ unread: 0, lastReadAt: all.json().lastReadAt });
    expect(await badge("counselor")).toBe(0);
    // Pat's own messages never count as unread for Pat.
    expect((await call("pat", "GET", "/me/messages/unread")).json()).toEqual({ unread: 0 });
    expect((await auditOf("message_thread.read")).length).toBeGreaterThanOrEqual(3);
  });

  it("emails the participant when staff write, without content, once until they read", async () => {
    const outbox = () =>
      queryRows<{ to_address: string; subject: string; body_text: string }>(
        database.db,
        sql`select to_address, subject, body_text from mail_outbox where subject like '%Bridgeway%' and body_text like ${`%/me/messages/${ids.thread}%`}`,
      );
    const reply = await send(
      "counselor",
      `/message-threads/${ids.thread}/messages`,
      "Thanks, noted. Take care.",
    );
    expect(reply.statusCode).toBe(201);
    expect(reply.json().message).toMatchObject({
      mine: true,
      author: { kind: "staff", name: "Messages counselor" },
    });
    await send("counselor", `/message-threads/${ids.thread}/messages`, "One more thing: bring your card.");
    const mails = await outbox();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("You have a new message in Bridgeway");
    expect(mails[0]!.body_text).not.toContain("Thanks, noted");
    expect(mails[0]!.body_text).not.toContain("Missing Thursday");
    expect(mails[0]!.body_text).toContain(`http://localhost:3000/me/messages/${ids.thread}`);

    expect((await call("pat", "GET", "/me/messages/unread")).json()).toEqual({ unread: 2 });
    const list = await call("pat", "GET", "/me/message-threads");
    expect(list.json()).toMatchObject({ total: 1, threads: [{ id: ids.thread, unread: 2 }] });
    expect(list.json().threads[0].lastMessage).toMatchObject({
      authorKind: "staff",
      preview: "One more thing: bring your card.",
    });
    const view = await call("pat", "GET", `/me/message-threads/${ids.thread}`);
    const newest = view.json().messages.at(-1);
    await call("pat", "POST", `/me/message-threads/${ids.thread}/read`, { through: newest.sentAt });
    expect((await call("pat", "GET", "/me/messages/unread")).json()).toEqual({ unread: 0 });
    // Read, then a new staff message: a new email.
    await send("counselor", `/message-threads/${ids.thread}/messages`, "See you Monday.");
    expect(await outbox()).toHaveLength(2);
    // No email to staff when the participant writes.
    const before = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from mail_outbox`,
    );
    await send("pat", `/me/message-threads/${ids.thread}/messages`, "Thank you!");
    const after = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from mail_outbox`,
    );
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it("never shows a participant another participant's conversation", async () => {
    const samThread = await call("sam", "POST", "/me/message-threads", {
      subject: "Question",
      body: "Is group on tonight?",
      idempotencyKey: randomUUID(),
    });
    ids.samThread = samThread.json().thread.id;
    for (const [method, url, payload] of [
      ["GET", `/me/message-threads/${ids.samThread}`, undefined],
      ["POST", `/me/message-threads/${ids.samThread}/messages`, { body: "hi", idempotencyKey: randomUUID() }],
      ["POST", `/me/message-threads/${ids.samThread}/read`, { through: current.toISOString() }],
    ] as const) {
      const response = await call("pat", method, url, payload);
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe("NOT_FOUND");
    }
    const patList = (await call("pat", "GET", "/me/message-threads")).json();
    expect(patList.threads.map((t: { id: string }) => t.id)).toEqual([ids.thread]);
    // The staff routes are not a participant's way in, even to their own conversation.
    expect((await call("pat", "GET", `/message-threads/${ids.thread}`)).statusCode).toBe(403);
    expect((await call("pat", "GET", `/participants/${ids.pat}/message-threads`)).statusCode).toBe(403);
  });

  it("refuses staff outside the care team, with a denied audit event", async () => {
    const deniedBefore = (await auditOf("message_thread.view")).filter((e) => e.outcome === "denied").length;
    const read = await call("colleague", "GET", `/message-threads/${ids.thread}`);
    expect(read.statusCode).toBe(403);
    expect(read.json().error.code).toBe("ACCESS_BREAK_GLASS_AVAILABLE");
    const denied = (await auditOf("message_thread.view")).filter((e) => e.outcome === "denied");
    expect(denied).toHaveLength(deniedBefore + 1);
    expect(denied.at(-1)).toMatchObject({ participant_id: ids.pat, actor_user_id: ids.colleague });

    const write = await send("colleague", `/message-threads/${ids.thread}/messages`, "Hello");
    expect(write.statusCode).toBe(403);
    expect((await auditOf("message.send")).some((e) => e.outcome === "denied")).toBe(true);
    // Intake coordinators do not read clinical content: refused at the door.
    expect((await call("intake", "GET", "/message-threads")).statusCode).toBe(403);
    const start = await call("colleague", "POST", `/participants/${ids.pat}/message-threads`, {
      subject: "Hello",
      body: "Hi",
      idempotencyKey: randomUUID(),
    });
    expect(start.statusCode).toBe(403);
    const unknown = await call("counselor", "GET", `/message-threads/${randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
  });

  it("lists in the inbox only the conversations the reader may see, newest activity first", async () => {
    const inbox = async (who: Who, query = "") => {
      const response = await call(who, "GET", `/message-threads${query}`);
      return { status: response.statusCode, body: response.json() };
    };
    const ofCounselor = await inbox("counselor");
    expect(ofCounselor.body.threads.map((t: { id: string }) => t.id)).toEqual([ids.thread]);
    expect(ofCounselor.body.scope).toBe("caseload");
    expect(ofCounselor.body.siteScopeAvailable).toBe(false);
    expect(ofCounselor.body.threads[0].unread).toBe(1);
    expect((await inbox("colleague")).body.threads.map((t: { id: string }) => t.id)).toEqual([ids.samThread]);
    // A caseload-scoped counselor cannot ask for the whole site.
    const wide = await inbox("counselor", "?scope=site");
    expect(wide.status).toBe(403);
    expect(wide.body.error.fields[0].path).toBe("scope");
    // The director: nothing in their caseload, the whole site on request (Sam's is newer).
    expect((await inbox("director")).body.threads).toEqual([]);
    const site = await inbox("director", "?scope=site");
    expect(site.body.threads.map((t: { id: string }) => t.id)).toEqual([ids.samThread, ids.thread]);
    expect(site.body.total).toBe(2);
    expect(site.body.siteScopeAvailable).toBe(true);
    // Unread only, and paging.
    const counselorRead = (await call("counselor", "GET", `/message-threads/${ids.thread}`)).json();
    await call("counselor", "POST", `/message-threads/${ids.thread}/read`, {
      through: counselorRead.messages.at(-1).sentAt,
    });
    expect((await inbox("counselor", "?unread=true")).body.threads).toEqual([]);
    const paged = await inbox("director", "?scope=site&pageSize=1&page=2");
    expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.body.threads.map((t: { id: string }) => t.id)).toEqual([ids.thread]);
    expect((await inbox("director", "?scope=everyone")).status).toBe(400);
    const audits = await auditOf("message_thread.inbox_view");
    expect(audits.length).toBeGreaterThan(0);
  });

  it("lets staff start a conversation from the chart, and lists a participant's conversations there", async () => {
    const started = await call("director", "POST", `/participants/${ids.sam}/message-threads`, {
      subject: "Your schedule",
      body: "We moved your Tuesday group to Wednesday.",
      idempotencyKey: randomUUID(),
    });
    expect(started.statusCode).toBe(201);
    expect(started.json().thread.participant.id).toBe(ids.sam);
    // The director wrote in it: it is in their own inbox now.
    const mine = (await call("director", "GET", "/message-threads")).json();
    expect(mine.threads.map((t: { id: string }) => t.id)).toEqual([started.json().thread.id]);
    const chart = await call("colleague", "GET", `/participants/${ids.sam}/message-threads`);
    expect(chart.statusCode).toBe(200);
    expect(chart.json().total).toBe(2);
    expect(
      (await call("counselor", "GET", `/participants/${ids.elsewhere}/message-threads`)).statusCode,
    ).toBe(404);
  });

  it("pages a long conversation from the newest, oldest to newest within a page", async () => {
    // Written straight to the table: more sends than the per-person rate limit allows in a minute.
    for (let i = 1; i <= MESSAGES_PAGE_SIZE + 3; i++) {
      tick();
      await database.db.execute(
        sql`insert into messages (thread_id, author_id, author_kind, body, idempotency_key, created_at)
            values (${ids.samThread}, ${ids.samUser}, 'participant', ${`Message ${i}`}, ${randomUUID()}, ${current.toISOString()})`,
      );
    }
    const first = (await call("sam", "GET", `/me/message-threads/${ids.samThread}`)).json();
    expect(first.messages).toHaveLength(MESSAGES_PAGE_SIZE);
    expect(first.messages.at(-1).body).toBe(`Message ${MESSAGES_PAGE_SIZE + 3}`);
    expect(first.olderBefore).toBe(first.messages[0].id);
    const older = (
      await call("sam", "GET", `/me/message-threads/${ids.samThread}?before=${first.olderBefore}`)
    ).json();
    expect(older.messages.map((m: { body: string }) => m.body)).toEqual([
      "Is group on tonight?",
      "Message 1",
      "Message 2",
      "Message 3",
    ]);
    expect(older.olderBefore).toBeNull();
    const foreign = await call("sam", "GET", `/me/message-threads/${ids.samThread}?before=${randomUUID()}`);
    expect(foreign.json().error.fields[0].path).toBe("before");
  });
});

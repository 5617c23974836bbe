import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type GivenUser,
  givenFamilyConsent,
  givenFamilyLink,
  givenParticipant,
  givenSite,
  givenUser,
} from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { PART2_STATEMENTS } from "../../core/consents/statements";
import { insertRevocation } from "../consents/consents.sql";
import { type DatabaseHandle, queryRows } from "../db/connection";

/**
 * Family threads over HTTP on a real database. Rob (a participant with an account) lets Fran and Hal
 * exchange messages with his care team (the `family_messages` category of their consents), and Gus see
 * his schedule only. Jordan is Rob's counselor; Casey a counselor at the site outside his care team.
 * Every staff reply text starts with STAFF so responses can be searched for it.
 */

type Who = "rob" | "fran" | "hal" | "gus" | "counselor" | "casey";

describeEachEngine("family messages", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let current = new Date("2026-11-24T15:00:00Z");
  const ids: Record<string, string> = {};
  const users = new Map<Who, GivenUser>();
  const cookies = new Map<Who, string>();

  async function call(who: Who, method: "GET" | "POST", url: string, payload?: Record<string, unknown>) {
    current = new Date(current.getTime() + 1_000);
    return app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...appHeaders, cookie: cookies.get(who)! },
      ...(payload ? { payload } : {}),
    });
  }
  const write = (who: Who, url: string, body: string, extra: Record<string, unknown> = {}) =>
    call(who, "POST", url, { body, idempotencyKey: randomUUID(), ...extra });

  const disclosuresTo = (who: Who) =>
    queryRows<{ information: string[]; channel: string; consent_id: string; statement: string }>(
      database.db,
      sql`select information, channel, consent_id, statement from disclosures
          where recipient_user_id = ${users.get(who)!.id} order by disclosed_at, id`,
    );
  const deniedAudits = (who: Who) =>
    queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_events where actor_user_id = ${users.get(who)!.id} and outcome = 'denied' order by seq`,
    );

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: () => new Date(current) });
    const db = database.db;
    const site = await givenSite(db, "Family Messages Site");
    for (const [who, name] of [
      ["counselor", "Jordan Counselor"],
      ["casey", "Casey Outside"],
    ] as const) {
      users.set(who, await givenUser(db, { siteNames: [site.name], displayName: name }));
    }
    const rob = await givenUser(db, { kind: "participant", displayName: "Rob Rivera" });
    users.set("rob", rob);
    ids.rob = (
      await givenParticipant(db, {
        siteId: site.id,
        givenName: "Robert",
        familyName: "Rivera",
        userId: rob.id,
        careTeam: [{ userId: users.get("counselor")!.id, role: "primary_counselor" }],
      })
    ).id;
    await db.execute(sql`update participants set preferred_name = 'Rob' where id = ${ids.rob}`);
    const scopesOf = {
      fran: ["family_session_schedule", "family_messages"],
      hal: ["family_messages"],
      gus: ["family_session_schedule"],
    } as const;
    for (const who of ["fran", "hal", "gus"] as const) {
      const user = await givenUser(db, { kind: "family", displayName: `${who} Family` });
      users.set(who, user);
      const { consentId, recipientId } = await givenFamilyConsent(db, {
        participantId: ids.rob,
        siteId: site.id,
        createdBy: users.get("counselor")!.id,
        familyUserId: user.id,
        name: `${who} Family`,
        scopes: [...scopesOf[who]],
      });
      ids[`${who}Consent`] = consentId;
      ids[`${who}Recipient`] = recipientId;
      await givenFamilyLink(db, user.id, ids.rob, recipientId);
    }
    for (const [who, user] of users) cookies.set(who, (await signIn(app, user.email, user.password)).cookie);
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("lets a family member with the messages scope start a conversation about the person they support", async () => {
    const key = randomUUID();
    const payload = {
      participantId: ids.rob,
      subject: "Thanksgiving",
      body: "Can Rob come home?",
      idempotencyKey: key,
    };
    const started = await call("fran", "POST", "/family/messages", payload);
    expect(started.statusCode).toBe(201);
    const sent = started.json();
    expect(sent.thread).toMatchObject({
      subject: "Thanksgiving",
      participant: { id: ids.rob, name: "Rob" },
      family: { name: "fran Family", relationship: "sister" },
      unread: 0,
    });
    expect(sent.message).toMatchObject({
      mine: true,
      author: { kind: "family" },
      body: "Can Rob come home?",
    });
    ids.thread = sent.thread.id;
    const retry = await call("fran", "POST", "/family/messages", payload);
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ replayed: true, message: { id: sent.message.id } });

    const stored = await queryRows<{ family_user_id: string; n: number }>(
      database.db,
      sql`select t.family_user_id, (select count(*)::int from messages m where m.thread_id = t.id) as n
          from message_threads t where t.id = ${ids.thread}`,
    );
    expect(stored[0]).toMatchObject({ family_user_id: users.get("fran")!.id, n: 1 });
    // Writing to the program is not a disclosure: no disclosure row for a send.
    expect(await disclosuresTo("fran")).toHaveLength(0);
  });

  it("refuses an empty message, a missing person and a message about someone not linked, keeping nothing", async () => {
    const empty = await write("fran", "/family/messages", "  ", { participantId: ids.rob, subject: "Hi" });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.fields[0]).toMatchObject({ path: "body" });
    const noPerson = await write("fran", "/family/messages", "Hello", { subject: "Hi" });
    expect(noPerson.statusCode).toBe(400);
    expect(noPerson.json().error.fields[0]).toMatchObject({ path: "participantId" });
    const stranger = await write("fran", "/family/messages", "Hello", {
      participantId: randomUUID(),
      subject: "Hi",
    });
    expect(stranger.statusCode).toBe(404);
    const threads = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from message_threads where family_user_id = ${users.get("fran")!.id}`,
    );
    expect(threads[0]!.n).toBe(1);
  });

  it("shows the thread in the staff inbox labelled with the family member, and in the chart", async () => {
    const inbox = await call("counselor", "GET", "/message-threads");
    expect(inbox.statusCode).toBe(200);
    const listed = inbox.json().threads.find((t: { id: string }) => t.id === ids.thread);
    expect(listed).toMatchObject({
      participant: { id: ids.rob, name: "Robert Rivera" },
      family: { name: "fran Family", relationship: "sister" },
      unread: 1,
      lastMessage: { authorKind: "family", authorName: "fran Family" },
    });
    const badge = await call("counselor", "GET", "/messages/unread");
    expect(badge.json().unread).toBe(1);
    const chart = await call("counselor", "GET", `/participants/${ids.rob}/message-threads`);
    expect(chart.json().threads.map((t: { id: string }) => t.id)).toContain(ids.thread);
    const outside = await call("casey", "GET", `/message-threads/${ids.thread}`);
    expect(outside.statusCode).toBe(403);
  });

  it("emails the family member (never the participant) without content when staff reply", async () => {
    const reply = await write(
      "counselor",
      `/message-threads/${ids.thread}/messages`,
      "STAFF: yes, Thursday works.",
    );
    expect(reply.statusCode).toBe(201);
    const mails = await queryRows<{ to_address: string; subject: string; body_text: string }>(
      database.db,
      sql`select to_address, subject, body_text from mail_outbox where body_text like ${`%/family/messages/${ids.thread}%`}`,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to_address).toBe(users.get("fran")!.email);
    expect(mails[0]!.subject).toBe("You have a new message in Bridgeway");
    expect(mails[0]!.body_text).not.toContain("STAFF");
    expect(mails[0]!.body_text).not.toContain("Rob");
    const toRob = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from mail_outbox where to_address = ${users.get("rob")!.email}`,
    );
    expect(toRob[0]!.n).toBe(0);
  });

  it("lets the family member read and reply; each read is a logged disclosure carrying the 2.32 statement", async () => {
    const unread = await call("fran", "GET", "/family/messages/unread");
    expect(unread.json()).toEqual({ unread: 1 });

    const list = await call("fran", "GET", "/family/messages");
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({
      notShared: 0,
      people: [
        {
          person: { participantId: ids.rob, name: "Rob", relationship: "sister" },
          total: 1,
          statement: { kind: "statement_1", text: PART2_STATEMENTS.statement_1 },
          threads: [{ id: ids.thread, unread: 1, lastMessage: { authorKind: "staff" } }],
        },
      ],
    });
    expect(list.body).not.toContain("Rivera");

    const page = await call("fran", "GET", `/family/messages/${ids.thread}`);
    expect(page.statusCode).toBe(200);
    const detail = page.json();
    expect(detail.statement.text).toBe(PART2_STATEMENTS.statement_1);
    expect(detail.scopeSummary.length).toBeGreaterThan(0);
    expect(detail.messages.map((m: { body: string }) => m.body)).toEqual([
      "Can Rob come home?",
      "STAFF: yes, Thursday works.",
    ]);
    const read = await call("fran", "POST", `/family/messages/${ids.thread}/read`, {
      through: detail.messages[1].sentAt,
    });
    expect(read.json()).toMatchObject({ unread: 0 });
    const reply = await write("fran", `/family/messages/${ids.thread}/messages`, "Thank you!");
    expect(reply.statusCode).toBe(201);
    // The answer to a send carries only what the family member wrote.
    expect(reply.json().thread.lastMessage).toMatchObject({ authorKind: "family", preview: "Thank you!" });

    const logged = await disclosuresTo("fran");
    expect(logged).toHaveLength(2);
    for (const row of logged) {
      expect(row).toMatchObject({
        information: ["family_messages"],
        channel: "family_portal",
        consent_id: ids.franConsent,
        statement: "statement_1",
      });
    }
  });

  it("never shows a family thread to the participant: not in the list, the counts or by its id", async () => {
    const mine = await call("rob", "GET", "/me/message-threads");
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ threads: [], total: 0 });
    const count = await call("rob", "GET", "/me/messages/unread");
    expect(count.json()).toEqual({ unread: 0 });
    const byId = await call("rob", "GET", `/me/message-threads/${ids.thread}`);
    expect(byId.statusCode).toBe(404);
    const replyTo = await write("rob", `/me/message-threads/${ids.thread}/messages`, "Hi");
    expect(replyTo.statusCode).toBe(404);
    const markRead = await call("rob", "POST", `/me/message-threads/${ids.thread}/read`, {
      through: current.toISOString(),
    });
    expect(markRead.statusCode).toBe(404);
    expect(byId.body).not.toContain("STAFF");
  });

  it("never shows one family member's thread to another family member of the same participant", async () => {
    const list = await call("hal", "GET", "/family/messages");
    expect(list.statusCode).toBe(200);
    expect(list.json().people[0].threads).toEqual([]);
    for (const response of [
      await call("hal", "GET", `/family/messages/${ids.thread}`),
      await write("hal", `/family/messages/${ids.thread}/messages`, "Hello"),
      await call("hal", "POST", `/family/messages/${ids.thread}/read`, { through: current.toISOString() }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.body).not.toContain("STAFF");
    }
    expect(await call("hal", "GET", "/family/messages/unread").then((r) => r.json())).toEqual({ unread: 0 });
    expect(await disclosuresTo("hal")).toHaveLength(1); // the list only, with no thread of Fran's in it
  });

  it("refuses a family member whose consent does not include messages, with nothing disclosed", async () => {
    const list = await call("gus", "GET", "/family/messages");
    expect(list.json()).toEqual({ people: [], notShared: 1 });
    const start = await write("gus", "/family/messages", "Hello", { participantId: ids.rob, subject: "Hi" });
    expect(start.statusCode).toBe(403);
    expect(start.json().error.code).toBe("FAMILY_ACCESS_ENDED");
    expect(await disclosuresTo("gus")).toHaveLength(0);
    expect((await deniedAudits("gus")).map((a) => a.action)).toContain("message_thread.create");
  });

  it("ends access on the next request once the consent is revoked: nothing read, sent or counted", async () => {
    await insertRevocation(database.db, {
      consentId: ids.franConsent!,
      recipientId: ids.franRecipient!,
      writtenStatement: "I no longer want Fran to message my counselor.",
      method: "participant_app",
      recordedBy: users.get("rob")!.id,
      at: new Date(current.getTime() - 1),
    });
    const before = (await disclosuresTo("fran")).length;
    const page = await call("fran", "GET", `/family/messages/${ids.thread}`);
    expect(page.statusCode).toBe(403);
    expect(page.json().error.code).toBe("FAMILY_ACCESS_ENDED");
    expect(page.body).not.toContain("STAFF");
    const reply = await write("fran", `/family/messages/${ids.thread}/messages`, "Are you there?");
    expect(reply.statusCode).toBe(403);
    expect(reply.json().error.code).toBe("FAMILY_ACCESS_ENDED");
    const list = await call("fran", "GET", "/family/messages");
    expect(list.json()).toEqual({ people: [], notShared: 1 });
    expect(await call("fran", "GET", "/family/messages/unread").then((r) => r.json())).toEqual({ unread: 0 });
    expect(await disclosuresTo("fran")).toHaveLength(before);

    // Staff still read the thread in the record, but can no longer write to the family member.
    const staffRead = await call("counselor", "GET", `/message-threads/${ids.thread}`);
    expect(staffRead.statusCode).toBe(200);
    const staffReply = await write("counselor", `/message-threads/${ids.thread}/messages`, "STAFF: hello?");
    expect(staffReply.statusCode).toBe(403);
    expect(staffReply.json().error.code).toBe("MESSAGE_FAMILY_CONSENT_ENDED");
    const messages = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from messages where thread_id = ${ids.thread}`,
    );
    expect(messages[0]!.n).toBe(3);
  });

  it("refuses the family routes to a participant and to staff", async () => {
    expect((await call("rob", "GET", "/family/messages")).statusCode).toBe(403);
    expect((await call("counselor", "GET", "/family/messages")).statusCode).toBe(403);
    expect((await call("counselor", "GET", "/family/messages/unread")).statusCode).toBe(403);
  });
});

import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";

/**
 * SUD counseling notes over the API (42 CFR Part 2, 2024 rule): the author writes, saves and signs
 * with re-authentication, and the note no longer changes (corrections are signed addenda); a
 * counselor colleague on the same care team gets "not found" (audited), never a hint that the note
 * exists; the clinical director, whom the program's policy allows, reads but cannot change it; and
 * the notes stay out of the chart's notes.
 */

const PEOPLE = ["author", "colleague", "director"] as const;
type Person = (typeof PEOPLE)[number];

describeEachEngine(
  "SUD counseling notes: kept apart, read by the author and the policy's readers",
  (engine) => {
    let database: DatabaseHandle;
    let app: FastifyInstance;
    // Friday 20 November 2026, 15:00 in New York.
    const clock = testClock("2026-11-20T20:00:00Z");
    const credentials = {} as Record<Person, { id: string; email: string; password: string }>;
    const sessions = new Map<Person, string>();
    let participantId = "";

    const cookie = async (who: Person) => {
      if (!sessions.has(who))
        sessions.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
      return sessions.get(who)!;
    };
    const call = async (who: Person, method: "GET" | "POST" | "PUT", url: string, payload?: object) =>
      app.inject({
        method,
        url: `/api/v1${url}`,
        headers: { ...appHeaders, cookie: await cookie(who) },
        ...(payload ? { payload } : {}),
      });
    const create = (body: string, sessionDate = "2026-11-19") =>
      call("author", "POST", `/participants/${participantId}/counseling-notes`, {
        sessionDate,
        content: { body },
      });
    const auditOf = (action: string) =>
      queryRows<{
        outcome: string;
        actor_user_id: string;
        resource_type: string;
        resource_id: string | null;
      }>(
        database.db,
        sql`select outcome, actor_user_id, resource_type, resource_id from audit_events
          where action = ${action} order by seq`,
      );

    beforeAll(async () => {
      database = await openTestDatabase(engine);
      app = await buildTestApp(database, { now: clock.now });
      const db = database.db;
      const site = await givenSite(db);
      credentials.author = await givenUser(db, {
        roles: ["counselor"],
        siteNames: [site.name],
        displayName: "Alex Kim",
      });
      credentials.colleague = await givenUser(db, {
        roles: ["counselor"],
        siteNames: [site.name],
        displayName: "Casey Lin",
      });
      credentials.director = await givenUser(db, {
        roles: ["clinical_director"],
        siteNames: [site.name],
        displayName: "Dana Reyes",
      });
      participantId = (
        await givenParticipant(db, {
          siteId: site.id,
          givenName: "Ana",
          careTeam: [
            { userId: credentials.author.id, role: "primary_counselor" },
            { userId: credentials.colleague.id, role: "counselor" },
          ],
        })
      ).id;
    });

    afterAll(async () => {
      await app?.close();
      await database?.close();
    });

    it("lets the author start, save, read and sign a note; signed, it no longer changes", async () => {
      const created = await create("");
      expect(created.statusCode).toBe(201);
      const draft = created.json();
      expect(draft).toMatchObject({
        participantId,
        sessionDate: "2026-11-19",
        status: "draft",
        revision: 1,
        content: { body: "" },
        author: { id: credentials.author.id, name: "Alex Kim" },
        canEdit: true,
        canAddAddendum: false,
        addenda: [],
      });

      const empty = await call("author", "POST", `/counseling-notes/${draft.id}/sign`, {
        revision: 1,
        password: credentials.author.password,
      });
      expect(empty.statusCode).toBe(400);
      expect(empty.json().error.code).toBe("NOTE_INCOMPLETE");
      expect(empty.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["content.body"]);

      const saved = await call("author", "PUT", `/counseling-notes/${draft.id}`, {
        revision: 1,
        sessionDate: "2026-11-19",
        content: { body: "Explored ambivalence about telling her brother; she linked it to shame." },
      });
      expect(saved.statusCode).toBe(200);
      expect(saved.json()).toMatchObject({ revision: 2, status: "draft" });

      const stale = await call("author", "PUT", `/counseling-notes/${draft.id}`, {
        revision: 1,
        sessionDate: "2026-11-19",
        content: { body: "An older copy from another window." },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error.code).toBe("NOTE_EDIT_CONFLICT");

      const read = await call("author", "GET", `/counseling-notes/${draft.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json().content.body).toContain("ambivalence");

      const wrongPassword = await call("author", "POST", `/counseling-notes/${draft.id}/sign`, {
        revision: 2,
        password: "not my password",
      });
      expect(wrongPassword.statusCode).toBe(400);
      expect(wrongPassword.json().error.code).toBe("IDENTITY_WRONG_PASSWORD");

      const signed = await call("author", "POST", `/counseling-notes/${draft.id}/sign`, {
        revision: 2,
        password: credentials.author.password,
      });
      expect(signed.statusCode).toBe(200);
      expect(signed.json()).toMatchObject({
        status: "signed",
        revision: 3,
        signMethod: "password",
        signedAt: "2026-11-20T20:00:00.000Z",
        canEdit: false,
        canAddAddendum: true,
      });
      const [stored] = await queryRows<{ content_sha256: string | null }>(
        database.db,
        sql`select content_sha256 from counseling_notes where id = ${draft.id}`,
      );
      expect(stored?.content_sha256).toMatch(/^[0-9a-f]{64}$/);

      const edit = await call("author", "PUT", `/counseling-notes/${draft.id}`, {
        revision: 3,
        sessionDate: "2026-11-19",
        content: { body: "Changed after signing." },
      });
      expect(edit.statusCode).toBe(409);
      expect(edit.json().error.code).toBe("NOTE_LOCKED");
      const again = await call("author", "POST", `/counseling-notes/${draft.id}/sign`, {
        revision: 3,
        password: credentials.author.password,
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe("NOTE_LOCKED");
      expect((await call("author", "GET", `/counseling-notes/${draft.id}`)).json().content.body).toContain(
        "ambivalence",
      );

      const addendum = await call("author", "POST", `/counseling-notes/${draft.id}/addenda`, {
        reason: "Later information",
        body: "She told her brother the next day; it went better than she feared.",
        password: credentials.author.password,
      });
      expect(addendum.statusCode).toBe(201);
      expect(addendum.json().addenda).toEqual([
        expect.objectContaining({
          reason: "Later information",
          author: { id: credentials.author.id, name: "Alex Kim" },
          method: "password",
          createdAt: "2026-11-20T20:00:00.000Z",
        }),
      ]);

      expect((await auditOf("counseling_note.sign")).map((e) => e.outcome)).toEqual(["allowed"]);
      expect((await auditOf("counseling_note.save")).map((e) => e.resource_type)).toEqual([
        "counseling_note",
      ]);
      expect((await auditOf("counseling_note.addendum")).map((e) => e.resource_id)).toEqual([draft.id]);
    });

    it("refuses a session in the future and an addendum to a draft, naming the field", async () => {
      const future = await create("Not yet.", "2026-11-21");
      expect(future.statusCode).toBe(400);
      expect(future.json().error.code).toBe("NOTE_SESSION_NOT_STARTED");
      expect(future.json().error.fields[0].path).toBe("sessionDate");

      const beforeAdmission = await create("Before the program.", "2026-09-01");
      expect(beforeAdmission.statusCode).toBe(400);
      expect(beforeAdmission.json().error.fields[0].path).toBe("sessionDate");

      const tooLong = await create("x".repeat(20001));
      expect(tooLong.statusCode).toBe(400);
      expect(tooLong.json().error.fields[0].path).toBe("content.body");

      const draft = (await create("Today's session, still being written.", "2026-11-20")).json();
      const addendum = await call("author", "POST", `/counseling-notes/${draft.id}/addenda`, {
        reason: "Correction",
        body: "Something.",
        password: credentials.author.password,
      });
      expect(addendum.statusCode).toBe(409);
      expect(addendum.json().error.code).toBe("NOTE_NOT_SIGNED");
    });

    it("answers a colleague on the care team 'not found', lists nothing for them, and audits the refusal", async () => {
      const note = (await create("Only for the author and the policy's readers.")).json();

      const read = await call("colleague", "GET", `/counseling-notes/${note.id}`);
      expect(read.statusCode).toBe(404);
      const unknown = await call(
        "colleague",
        "GET",
        "/counseling-notes/6f1b2c1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b",
      );
      // The same answer as for a note that does not exist.
      expect(read.json().error).toEqual(unknown.json().error);

      const edit = await call("colleague", "PUT", `/counseling-notes/${note.id}`, {
        revision: 1,
        sessionDate: "2026-11-19",
        content: { body: "Overwritten." },
      });
      expect(edit.statusCode).toBe(404);

      const list = await call("colleague", "GET", `/participants/${participantId}/counseling-notes`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toEqual([]);

      const refusals = (await auditOf("counseling_note.view")).filter(
        (e) => e.actor_user_id === credentials.colleague.id,
      );
      expect(refusals).toEqual([
        expect.objectContaining({
          outcome: "denied",
          resource_type: "counseling_note",
          resource_id: note.id,
        }),
        expect.objectContaining({ outcome: "denied", resource_type: "counseling_note" }),
      ]);
      expect((await auditOf("counseling_note.save")).some((e) => e.outcome === "denied")).toBe(true);
    });

    it("lets the clinical director read every note (the program's policy) but not change one", async () => {
      const note = (await create("The director may read this.")).json();

      const list = await call("director", "GET", `/participants/${participantId}/counseling-notes`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((i: { id: string }) => i.id)).toContain(note.id);

      const read = await call("director", "GET", `/counseling-notes/${note.id}`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({ canEdit: false, canAddAddendum: false });

      const edit = await call("director", "PUT", `/counseling-notes/${note.id}`, {
        revision: 1,
        sessionDate: "2026-11-19",
        content: { body: "Edited by someone else." },
      });
      expect(edit.statusCode).toBe(403);
      const sign = await call("director", "POST", `/counseling-notes/${note.id}/sign`, {
        revision: 1,
        password: credentials.director.password,
      });
      expect(sign.statusCode).toBe(403);

      const views = (await auditOf("counseling_note.view")).filter(
        (e) => e.actor_user_id === credentials.director.id,
      );
      expect(views).toEqual([expect.objectContaining({ outcome: "allowed", resource_id: note.id })]);
    });

    it("keeps counseling notes out of the chart's notes", async () => {
      const note = (await create("Never in the chart.")).json();
      const signed = await call("author", "POST", `/counseling-notes/${note.id}/sign`, {
        revision: 1,
        password: credentials.author.password,
      });
      expect(signed.json().status).toBe("signed");
      // The clinical notes tables never hold a counseling note, whichever route reads them.
      const [inClinical] = await queryRows<{ n: number }>(
        database.db,
        sql`select count(*)::int as n from clinical_notes where id = ${note.id}`,
      );
      expect(inClinical?.n).toBe(0);
      const chartRoute = app.declaredRoutes.find(
        (r) => r.method === "GET" && r.url === "/api/v1/participants/:id/notes",
      );
      if (chartRoute) {
        for (const who of ["author", "director"] as const) {
          const chart = await call(who, "GET", `/participants/${participantId}/notes`);
          expect(chart.statusCode).toBe(200);
          expect(chart.body).not.toContain(note.id);
          expect(chart.body).not.toContain("Never in the chart.");
        }
      }
    });
  },
);

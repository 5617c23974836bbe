import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type { SessionNoteContent } from "../../core/notes/note.schema";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { appointments } from "../db/schema";
import {
  givenSignedPlan,
  OBSERVED_OBJECTIVE_ID,
  PHQ9_OBJECTIVE_ID,
} from "../treatment-plans/reviews.test-data";

/**
 * Individual and family notes over the API: a note is started from its appointment once it has
 * begun (never for a future or cancelled one, once per appointment) with the appointment's setting
 * and family attendees; attendance is recorded on the appointment and shown with the note; drafts
 * autosave under optimistic locking and refuse an objective outside the current plan; signing
 * names every missing part, then locks the note for good. Who may read and write follows the
 * participant's care team, and every read and write is audited.
 */

const PEOPLE = ["counselor", "colleague", "outsider", "supervisee", "director"] as const;
type Person = (typeof PEOPLE)[number];

describeEachEngine("individual and family notes: from the appointment to the signature", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  // Friday 20 November 2026, 15:00 in New York.
  const clock = testClock("2026-11-20T20:00:00Z");
  const credentials = {} as Record<Person, { id: string; email: string; password: string }>;
  const sessions = new Map<Person, string>();
  let participantId = "";
  let siteId = "";

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
  const auditOf = (action: string) =>
    queryRows<{ outcome: string; actor_user_id: string; resource_id: string | null; participant_id: string }>(
      database.db,
      sql`select outcome, actor_user_id, resource_id, participant_id from audit_events
          where action = ${action} order by seq`,
    );

  /** An appointment written straight to storage (booking has its own suite). */
  async function givenAppointment(options: {
    startsAt: string;
    minutes?: number;
    kind?: "individual" | "family";
    telehealth?: boolean;
    location?: string;
    status?: "scheduled" | "cancelled";
    familyAttendees?: { userId: string | null; name: string; relationship: string }[];
  }): Promise<string> {
    const startsAt = new Date(options.startsAt);
    const [row] = await database.db
      .insert(appointments)
      .values({
        siteId,
        participantId,
        kind: options.kind ?? "individual",
        staffId: credentials.counselor.id,
        location: options.location ?? "Counseling room 2",
        telehealth: options.telehealth ?? false,
        timeZone: "America/New_York",
        startsAt,
        endsAt: new Date(startsAt.getTime() + (options.minutes ?? 50) * 60_000),
        localDate: "2026-11-20",
        familyAttendees: options.familyAttendees ?? [],
        status: options.status ?? "scheduled",
        cancelReason: options.status === "cancelled" ? "Participant unwell" : null,
      })
      .returning({ id: appointments.id });
    return row!.id;
  }

  const completeDap = (objectiveId = OBSERVED_OBJECTIVE_ID): SessionNoteContent => ({
    setting: "in_person",
    place: "Counseling room 2",
    attendees: [],
    sections: {
      data: "Reports two cravings this week, both after arguments at work; used urge surfing once.",
      assessment: "Building awareness of triggers; coping still inconsistent under stress.",
      plan: "Practise urge surfing daily; bring a trigger log next week.",
    },
    objectives: [{ objectiveId, progress: "progressing", comment: "Named two triggers today." }],
    interventions: ["relapse_prevention", "motivational_interviewing"],
    otherInterventions: "",
    nextSession: "Review the trigger log and rehearse a refusal with a coworker.",
  });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db);
    siteId = site.id;
    const otherSite = await givenSite(db);
    credentials.counselor = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [site.name],
      displayName: "Alex Kim",
    });
    credentials.colleague = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [site.name],
      displayName: "Casey Lin",
    });
    credentials.outsider = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [otherSite.name],
      displayName: "Olu Other",
    });
    credentials.supervisee = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [site.name],
      displayName: "Sam Intern",
    });
    await db.execute(sql`update users set requires_cosign = true where id = ${credentials.supervisee.id}`);
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
          { userId: credentials.counselor.id, role: "primary_counselor" },
          { userId: credentials.supervisee.id, role: "counselor" },
        ],
      })
    ).id;
    await givenSignedPlan(db, { participantId, signedAt: new Date("2026-10-05T15:00:00Z") });
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("refuses a note for a session that has not started, or that was cancelled", async () => {
    const tomorrow = await givenAppointment({ startsAt: "2026-11-21T15:00:00Z" });
    const future = await call("counselor", "POST", `/appointments/${tomorrow}/note`, {});
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe("NOTE_SESSION_NOT_STARTED");

    const cancelled = await givenAppointment({ startsAt: "2026-11-20T14:00:00Z", status: "cancelled" });
    const refused = await call("counselor", "POST", `/appointments/${cancelled}/note`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("NOTE_SESSION_CANCELLED");

    const unknown = await call(
      "counselor",
      "POST",
      "/appointments/6f1b2c1e-3a4d-4e5f-8a9b-0c1d2e3f4a5b/note",
      {},
    );
    expect(unknown.statusCode).toBe(404);
    const none = await call("counselor", "GET", `/appointments/${tomorrow}/note`);
    expect(none.statusCode).toBe(404);
  });

  it("starts a family note from a video appointment with its attendees, once, in the chosen format", async () => {
    const appointmentId = await givenAppointment({
      startsAt: "2026-11-20T16:00:00Z",
      kind: "family",
      telehealth: true,
      location: "Secure video room",
      familyAttendees: [
        { userId: null, name: "Marta Diaz", relationship: "Mother" },
        { userId: null, name: "Leo Diaz", relationship: "Brother" },
      ],
    });
    const started = await call("counselor", "POST", `/appointments/${appointmentId}/note`, {
      format: "SOAP",
    });
    expect(started.statusCode).toBe(201);
    const note = started.json();
    expect(note).toMatchObject({
      kind: "family",
      format: "SOAP",
      status: "draft",
      revision: 1,
      participantId,
      appointmentId,
      sessionDate: "2026-11-20",
      startsAt: "2026-11-20T16:00:00.000Z",
      endsAt: "2026-11-20T16:50:00.000Z",
      author: { id: credentials.counselor.id, name: "Alex Kim" },
      canEdit: true,
      attendance: null,
      content: {
        setting: "video",
        place: "Secure video room",
        attendees: [
          { name: "Marta Diaz", relationship: "Mother" },
          { name: "Leo Diaz", relationship: "Brother" },
        ],
        sections: {},
      },
    });
    expect(note.objectives.map((o: { objectiveId: string }) => o.objectiveId).sort()).toEqual(
      [PHQ9_OBJECTIVE_ID, OBSERVED_OBJECTIVE_ID].sort(),
    );

    const again = await call("counselor", "POST", `/appointments/${appointmentId}/note`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: "NOTE_EXISTS", details: { noteId: note.id } });

    const byAppointment = await call("counselor", "GET", `/appointments/${appointmentId}/note`);
    expect(byAppointment.statusCode).toBe(200);
    expect(byAppointment.json().id).toBe(note.id);
  });

  it("writes, autosaves, checks and signs an individual note; the signed note no longer changes", async () => {
    const appointmentId = await givenAppointment({ startsAt: "2026-11-20T17:00:00Z" });
    const started = await call("counselor", "POST", `/appointments/${appointmentId}/note`, {});
    expect(started.statusCode).toBe(201);
    const note = started.json();
    // The program's default format.
    expect(note).toMatchObject({ kind: "individual", format: "DAP", content: { setting: "in_person" } });

    // Attendance is recorded on the appointment and read with the note.
    const attendance = await call("counselor", "PUT", `/appointments/${appointmentId}/attendance`, {
      status: "present",
      minutesAttended: 50,
    });
    expect(attendance.statusCode).toBe(200);
    const read = await call("counselor", "GET", `/session-notes/${note.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().attendance).toEqual({ status: "present", minutesAttended: 50, sessionMinutes: 50 });

    // Signing an empty note names every missing part.
    const empty = await call("counselor", "POST", `/session-notes/${note.id}/sign`, {
      revision: 1,
      password: credentials.counselor.password,
    });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe("NOTE_INCOMPLETE");
    expect(empty.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      "sections.data",
      "sections.assessment",
      "sections.plan",
      "nextSession",
    ]);

    // An objective outside the current plan is refused on save, naming its place.
    const stray = await call("counselor", "PUT", `/session-notes/${note.id}`, {
      revision: 1,
      format: "DAP",
      content: completeDap("0b7c1c8e-3c55-4f55-9d67-1a1f0e0b0aff"),
    });
    expect(stray.statusCode).toBe(400);
    expect(stray.json().error.code).toBe("NOTE_OBJECTIVE_NOT_IN_PLAN");
    expect(stray.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      "content.objectives.0.objectiveId",
    ]);

    // Bad shapes are named field by field.
    const badShape = await call("counselor", "PUT", `/session-notes/${note.id}`, {
      revision: 1,
      format: "XYZ",
      content: { ...completeDap(), setting: "carrier pigeon" },
    });
    expect(badShape.statusCode).toBe(400);
    expect(
      badShape
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(["content.setting", "format"]);

    const saved = await call("counselor", "PUT", `/session-notes/${note.id}`, {
      revision: 1,
      format: "DAP",
      content: completeDap(),
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ revision: 2, status: "draft" });

    const stale = await call("counselor", "PUT", `/session-notes/${note.id}`, {
      revision: 1,
      format: "DAP",
      content: { ...completeDap(), nextSession: "From an older window." },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("NOTE_EDIT_CONFLICT");
    expect(stale.json().error.message).toContain("You saved this note in another window");

    const wrongPassword = await call("counselor", "POST", `/session-notes/${note.id}/sign`, {
      revision: 2,
      password: "not my password",
    });
    expect(wrongPassword.statusCode).toBe(400);
    expect(wrongPassword.json().error.code).toBe("IDENTITY_WRONG_PASSWORD");

    const signed = await call("counselor", "POST", `/session-notes/${note.id}/sign`, {
      revision: 2,
      password: credentials.counselor.password,
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({
      status: "signed",
      revision: 3,
      signedAt: "2026-11-20T20:00:00.000Z",
      lateEntry: false,
      canEdit: false,
      signatures: [
        expect.objectContaining({
          role: "author",
          method: "password",
          signer: { id: credentials.counselor.id, name: "Alex Kim" },
        }),
      ],
    });

    const edit = await call("counselor", "PUT", `/session-notes/${note.id}`, {
      revision: 3,
      format: "DAP",
      content: { ...completeDap(), nextSession: "Changed after signing." },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe("NOTE_LOCKED");
    const signAgain = await call("counselor", "POST", `/session-notes/${note.id}/sign`, {
      revision: 3,
      password: credentials.counselor.password,
    });
    expect(signAgain.statusCode).toBe(409);
    expect(signAgain.json().error.code).toBe("NOTE_LOCKED");
    const after = (await call("counselor", "GET", `/session-notes/${note.id}`)).json();
    expect(after.content.nextSession).toBe(completeDap().nextSession);

    expect((await auditOf("clinical_note.save")).map((e) => e.resource_id)).toEqual([note.id]);
    expect((await auditOf("clinical_note.sign")).map((e) => [e.outcome, e.participant_id])).toEqual([
      ["allowed", participantId],
    ]);
  });

  it("refuses to sign a session that is still going on, naming the session", async () => {
    const now = await givenAppointment({ startsAt: "2026-11-20T19:30:00Z", minutes: 60 });
    const note = (await call("counselor", "POST", `/appointments/${now}/note`, {})).json();
    const saved = await call("counselor", "PUT", `/session-notes/${note.id}`, {
      revision: 1,
      format: "DAP",
      content: completeDap(),
    });
    expect(saved.statusCode).toBe(200);
    const early = await call("counselor", "POST", `/session-notes/${note.id}/sign`, {
      revision: 2,
      password: credentials.counselor.password,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.code).toBe("NOTE_INCOMPLETE");
    expect(early.json().error.fields.map((f: { path: string }) => f.path)).toEqual(["session"]);
  });

  it("lets only the care team read and write, auditing each read and each refusal", async () => {
    const appointmentId = await givenAppointment({ startsAt: "2026-11-20T13:00:00Z" });
    const note = (await call("counselor", "POST", `/appointments/${appointmentId}/note`, {})).json();

    const colleague = await call("colleague", "GET", `/session-notes/${note.id}`);
    expect(colleague.statusCode).toBe(403);
    const colleagueStart = await call("colleague", "PUT", `/session-notes/${note.id}`, {
      revision: 1,
      format: "DAP",
      content: completeDap(),
    });
    expect(colleagueStart.statusCode).toBe(403);
    const outsider = await call("outsider", "GET", `/session-notes/${note.id}`);
    expect(outsider.statusCode).toBe(404);

    const reads = await auditOf("clinical_note.view");
    expect(reads.filter((e) => e.actor_user_id === credentials.colleague.id)).toEqual([
      expect.objectContaining({ outcome: "denied", participant_id: participantId }),
    ]);
    expect(
      reads.filter((e) => e.actor_user_id === credentials.counselor.id && e.outcome === "allowed").length,
    ).toBeGreaterThan(0);
    expect((await auditOf("clinical_note.save")).some((e) => e.outcome === "denied")).toBe(true);
  });
  it("sends a supervisee's note to the supervisor; co-signed, it takes addenda and never changes", async () => {
    const appointmentId = await givenAppointment({ startsAt: "2026-11-20T15:00:00Z" });
    const note = (await call("supervisee", "POST", `/appointments/${appointmentId}/note`, {})).json();
    const saved = await call("supervisee", "PUT", `/session-notes/${note.id}`, {
      revision: 1,
      format: "DAP",
      content: completeDap(),
    });
    expect(saved.statusCode).toBe(200);

    const alone = await call("supervisee", "POST", `/session-notes/${note.id}/sign`, {
      revision: 2,
      password: credentials.supervisee.password,
    });
    expect(alone.statusCode).toBe(409);
    expect(alone.json().error.code).toBe("NOTE_COSIGNER_REQUIRED");

    const signed = await call("supervisee", "POST", `/session-notes/${note.id}/sign`, {
      revision: 2,
      cosignerUserId: credentials.director.id,
      password: credentials.supervisee.password,
    });
    expect(signed.statusCode).toBe(200);
    expect(signed.json()).toMatchObject({
      status: "awaiting_cosign",
      cosigner: { id: credentials.director.id, name: "Dana Reyes" },
      canEdit: false,
    });
    const frozen = await call("supervisee", "PUT", `/session-notes/${note.id}`, {
      revision: 3,
      format: "DAP",
      content: { ...completeDap(), nextSession: "Changed while waiting." },
    });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe("NOTE_LOCKED");

    const cosigned = await call("director", "POST", `/clinical-notes/${note.id}/cosign`, {
      password: credentials.director.password,
    });
    expect(cosigned.statusCode).toBe(200);
    const addendum = await call("supervisee", "POST", `/clinical-notes/${note.id}/addenda`, {
      reason: "Later information",
      body: "She called the next day: the trigger log is started.",
      password: credentials.supervisee.password,
    });
    expect(addendum.statusCode).toBe(201);

    const read = (await call("director", "GET", `/session-notes/${note.id}`)).json();
    expect(read).toMatchObject({ status: "signed", cosignedAt: "2026-11-20T20:00:00.000Z" });
    expect(read.signatures.map((sig: { role: string }) => sig.role)).toEqual(["author", "supervisor"]);
    expect(read.addenda).toEqual([
      expect.objectContaining({
        reason: "Later information",
        author: { id: credentials.supervisee.id, name: "Sam Intern" },
      }),
    ]);
    expect(read.content.nextSession).toBe(completeDap().nextSession);
  });
});

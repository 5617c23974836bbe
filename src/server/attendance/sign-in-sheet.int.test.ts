import { eq, sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { pdfPageCount, pdfTextByStream } from "../../../tests/support/pdf-text";
import { buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";
import {
  episodes,
  participants,
  trackEnrollments,
  trackExceptions,
  trackFacilitators,
  tracks,
} from "../db/schema";

/**
 * The printable sign-in sheet over HTTP: a PDF of the session's roster for staff who take attendance
 * or see the schedule at the track's site, each participant's record read audited; cancelled
 * sessions have none. The track meets Mondays 18:00–21:00 in New York, in Room 2.
 */

const PEOPLE = ["counselor", "frontDesk", "intake", "billing", "otherCounselor"] as const;
type Person = (typeof PEOPLE)[number];

const MONDAY = "2026-11-23T18:00";
const CANCELLED = "2026-11-30T18:00";
const SUBSTITUTE = "2026-12-07T18:00";

describeEachEngine("attendance: the sign-in sheet PDF", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  const clock = testClock("2026-11-23T20:00:00Z");
  const credentials = {} as Record<Person, { email: string; password: string }>;
  const cookies = new Map<Person, string>();
  const p = { ana: "", ben: "", gone: "" };
  let trackId = "";

  const sheet = async (key: string, who: Person = "counselor") => {
    if (!cookies.has(who)) {
      cookies.set(who, (await signIn(app, credentials[who].email, credentials[who].password)).cookie);
    }
    return app.inject({
      url: `/api/v1/tracks/${trackId}/occurrences/${key}/sign-in-sheet.pdf`,
      headers: { cookie: cookies.get(who)! },
    });
  };
  const textOf = (pdf: Buffer) => pdfTextByStream(pdf).join("\n");

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const db = database.db;
    const site = await givenSite(db, "Riverside");
    const otherSite = await givenSite(db);
    const counselor = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [site.name],
      displayName: "Avery Counselor",
    });
    credentials.counselor = counselor;
    credentials.frontDesk = await givenUser(db, { roles: ["front_desk"], siteNames: [site.name] });
    credentials.intake = await givenUser(db, { roles: ["intake_coordinator"], siteNames: [site.name] });
    credentials.billing = await givenUser(db, { roles: ["billing"], siteNames: [site.name] });
    credentials.otherCounselor = await givenUser(db, { roles: ["counselor"], siteNames: [otherSite.name] });
    const substitute = await givenUser(db, {
      roles: ["counselor"],
      siteNames: [site.name],
      displayName: "Sam Substitute",
    });

    trackId = (await givenTrack(db, { siteId: site.id, name: "Adult evening" })).id;
    await db
      .update(tracks)
      .set({ location: "Room 2", pattern: { slots: [{ weekday: 1, start: "18:00", end: "21:00" }] } })
      .where(eq(tracks.id, trackId));
    await db.insert(trackFacilitators).values({ trackId, userId: counselor.id });
    await db.insert(trackExceptions).values([
      { trackId, occurrenceKey: CANCELLED, kind: "cancelled", reason: "Holiday" },
      {
        trackId,
        occurrenceKey: SUBSTITUTE,
        kind: "substitute",
        reason: "Leave",
        facilitatorIds: [substitute.id],
      },
    ]);

    const admitted = { siteId: site.id, admittedOn: "2026-10-01" };
    p.ana = (await givenParticipant(db, { ...admitted, givenName: "Anabel", familyName: "Alvarez" })).id;
    await db.update(participants).set({ preferredName: "Annie" }).where(eq(participants.id, p.ana));
    p.ben = (await givenParticipant(db, { ...admitted, givenName: "Ben", familyName: "Brooks" })).id;
    p.gone = (await givenParticipant(db, { ...admitted, givenName: "Gil", familyName: "Gone" })).id;
    for (const [id, values] of [
      [p.ana, { status: "enrolled", joinedOn: "2026-10-05" }],
      [p.ben, { status: "enrolled", joinedOn: "2026-10-05" }],
      [p.gone, { status: "exited", joinedOn: "2026-10-05", exitedOn: "2026-11-20", exitReason: "completed" }],
    ] as const) {
      const [episode] = await db
        .select({ id: episodes.id })
        .from(episodes)
        .where(eq(episodes.participantId, id));
      await db
        .insert(trackEnrollments)
        .values({ trackId, participantId: id, episodeId: episode!.id, ...values });
    }
  });

  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("prints the session's roster as a PDF: details, preferred names, the people enrolled that day", async () => {
    const response = await sheet(MONDAY);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("application/pdf");
    expect(response.headers["content-disposition"]).toBe(
      'inline; filename="sign-in-sheet-2026-11-23-1800.pdf"',
    );
    expect(response.headers["cache-control"]).toBe("no-store");
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdfPageCount(pdf)).toBe(1);
    const text = textOf(pdf);
    for (const expected of [
      "Test Recovery Center · Riverside",
      "Adult evening",
      "Monday, November 23, 2026",
      "6:00 PM – 9:00 PM (America/New_York)",
      "Room 2",
      "Avery Counselor",
      "Annie Alvarez",
      "Ben Brooks",
      "Confidential: contains information protected by 42 CFR Part 2.",
      "Page 1 of 1",
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain("Anabel");
    expect(text).not.toContain("Gone");
  });

  it("audits the print as a read of each participant listed on it", async () => {
    const before = await queryRows<{ n: number }>(
      database.db,
      sql`select coalesce(max(seq), 0)::int as n from audit_events`,
    );
    expect((await sheet(MONDAY)).statusCode).toBe(200);
    const events = await queryRows<{ participant_id: string; purpose: string; resource_id: string }>(
      database.db,
      sql`select participant_id, purpose, resource_id from audit_events
          where action = 'attendance.sign_in_sheet_print' and seq > ${before[0]!.n} order by participant_id`,
    );
    expect(events.map((e) => e.participant_id).sort()).toEqual([p.ana, p.ben].sort());
    expect(events.every((e) => e.resource_id === trackId && e.purpose === "treatment")).toBe(true);
  });

  it("prints the substitute as the facilitator of that session", async () => {
    const text = textOf((await sheet(SUBSTITUTE)).rawPayload);
    expect(text).toContain("Sam Substitute");
    expect(text).toContain("A substitute runs this session.");
    expect(text).not.toContain("Avery Counselor");
  });

  it("lets front desk and intake (who see the schedule) print it; not billing, not another site", async () => {
    expect((await sheet(MONDAY, "frontDesk")).statusCode).toBe(200);
    expect((await sheet(MONDAY, "intake")).statusCode).toBe(200);
    expect((await sheet(MONDAY, "billing")).statusCode).toBe(403);
    const elsewhere = await sheet(MONDAY, "otherCounselor");
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().error.message).toBe("No such track.");
  });

  it("has none for a cancelled session, a session the track does not have, or a malformed key", async () => {
    const cancelled = await sheet(CANCELLED);
    expect(cancelled.statusCode).toBe(409);
    expect(cancelled.json().error.code).toBe("ATTENDANCE_OCCURRENCE_CANCELLED");
    expect((await sheet("2026-11-24T18:00")).json().error.code).toBe("ATTENDANCE_OCCURRENCE_NOT_FOUND");
    const malformed = await sheet("tuesday");
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.fields[0].path).toBe("params.key");
  });
});

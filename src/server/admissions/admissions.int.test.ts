import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { aScreening, type GivenUser, givenSite, givenTrack, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn, testClock } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { type DatabaseHandle, queryRows } from "../db/connection";

describeEachEngine("admissions: inquiries, referrals and the pipeline", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let intake: GivenUser;
  let cookie: string;
  let siteId: string;
  let otherSiteId: string;
  const clock = testClock("2026-11-23T15:00:00Z");

  const post = (url: string, payload: object, options: { cookie?: string; ip?: string } = {}) =>
    app.inject({
      method: "POST",
      url,
      headers: { ...appHeaders, ...(options.cookie ? { cookie: options.cookie } : {}) },
      payload,
      remoteAddress: options.ip ?? "10.50.0.1",
    });
  const inquiry = (over: object = {}) => ({
    siteId,
    forWhom: "self",
    name: "Jamie",
    contactMethod: "phone",
    phone: "(555) 010-4242",
    bestTime: "evening",
    lookingFor: "Evening groups so I can keep working.",
    selfCheckOutcome: "iop_may_fit",
    ...over,
  });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: clock.now });
    const site = await givenSite(database.db, "Harborview");
    siteId = site.id;
    otherSiteId = (await givenSite(database.db, "Elsewhere")).id;
    intake = await givenUser(database.db, {
      roles: ["intake_coordinator"],
      siteNames: ["Harborview"],
      displayName: "Ivy Intake",
    });
    cookie = (await signIn(app, intake.email, intake.password)).cookie;
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it("takes a public inquiry without an account and answers with a reference and when we will call", async () => {
    const sites = await app.inject({ url: "/api/v1/public/sites" });
    expect(sites.json().sites.map((s: { name: string }) => s.name)).toEqual(["Elsewhere", "Harborview"]);
    const created = await post("/api/v1/inquiries", inquiry());
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ contactWithinHours: 24 });
    expect(created.json().reference).toMatch(/^BW-[A-Z2-9]{6}$/);
    const list = await app.inject({ url: "/api/v1/admissions/leads", headers: { cookie } });
    const lead = list
      .json()
      .leads.find((l: { reference: string }) => l.reference === created.json().reference);
    expect(lead).toMatchObject({
      kind: "inquiry",
      stage: "new",
      personName: "Jamie",
      site: { name: "Harborview" },
    });
    const audit = await database.db.query.auditEvents.findMany({
      where: (e, { eq }) => eq(e.action, "admissions.inquiry_create"),
    });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain("Jamie");
  });

  it("names each problem with an inquiry and keeps nothing from a bot", async () => {
    const missing = await post(
      "/api/v1/inquiries",
      inquiry({ phone: "", forWhom: "loved_one", contactName: "" }),
      { ip: "10.50.0.2" },
    );
    expect(missing.statusCode).toBe(400);
    expect(
      missing
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(["contactName", "phone"]);
    const unknownSite = await post(
      "/api/v1/inquiries",
      inquiry({ siteId: "00000000-0000-4000-8000-000000000000" }),
      { ip: "10.50.0.2" },
    );
    expect(unknownSite.json().error.fields).toEqual([
      { path: "siteId", message: "Choose a location from the list." },
    ]);
    const before = await database.db.query.admissionLeads.findMany();
    const bot = await post("/api/v1/inquiries", inquiry({ website: "http://spam.example" }), {
      ip: "10.50.0.3",
    });
    expect(bot.statusCode).toBe(201);
    expect(bot.json().reference).toMatch(/^BW-/);
    expect(await database.db.query.admissionLeads.findMany()).toHaveLength(before.length);
  });

  it("limits one address to 5 inquiries a minute", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await post("/api/v1/inquiries", inquiry({ name: `Pat ${i}` }), { ip: "10.50.0.9" })).statusCode,
      );
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
  });

  it("moves a referral through the pipeline, refusing illegal moves with a code and keeping the history", async () => {
    const future = await post(
      "/api/v1/admissions/referrals",
      {
        siteId,
        source: "detox",
        personName: "Morgan Reyes",
        contactMethod: "phone",
        phone: "555 010 7777",
        lastDischargedOn: "2026-12-01",
      },
      { cookie },
    );
    expect(future.json().error.fields).toEqual([
      { path: "lastDischargedOn", message: "The discharge date cannot be in the future." },
    ]);
    const referral = await post(
      "/api/v1/admissions/referrals",
      {
        siteId,
        source: "detox",
        referringOrganisation: "Bayside Withdrawal Management",
        personName: "Morgan Reyes",
        contactMethod: "phone",
        phone: "555 010 7777",
        lastLevelOfCare: "3.7",
        lastDischargedOn: "2026-11-20",
        handoffSummary: "Completed 5-day withdrawal management; stable; wants evening IOP.",
      },
      { cookie },
    );
    expect(referral.statusCode).toBe(201);
    const id = referral.json().id;
    const move = (payload: object) => post(`/api/v1/admissions/leads/${id}/stage`, payload, { cookie });

    expect((await move({ to: "screened" })).json().error).toMatchObject({
      code: "ADMISSIONS_TRANSITION_NOT_ALLOWED",
      fields: [{ path: "to" }],
    });
    expect((await move({ to: "contacted", note: "Left a voicemail, then reached them." })).json().stage).toBe(
      "contacted",
    );
    expect((await move({ to: "screening_scheduled" })).json().stage).toBe("screening_scheduled");
    expect((await move({ to: "screened" })).json().stage).toBe("screened");
    expect((await move({ to: "admitted" })).json().error.code).toBe("ADMISSIONS_ADMIT_THROUGH_ADMISSION");
    expect((await move({ to: "not_admitted" })).json().error).toMatchObject({
      code: "ADMISSIONS_REASON_REQUIRED",
      fields: [{ path: "notAdmittedReason" }],
    });
    const closed = await move({ to: "not_admitted", notAdmittedReason: "needs_higher_level_of_care" });
    expect(closed.json()).toMatchObject({
      stage: "not_admitted",
      notAdmittedReason: "needs_higher_level_of_care",
    });
    expect((await move({ to: "contacted" })).json().error.code).toBe("ADMISSIONS_STAGE_CLOSED");
    expect(
      closed.json().history.map((h: { from: string | null; to: string }) => `${h.from}→${h.to}`),
    ).toEqual([
      "null→new",
      "new→contacted",
      "contacted→screening_scheduled",
      "screening_scheduled→screened",
      "screened→not_admitted",
    ]);
    expect(closed.json().history[1]).toMatchObject({
      by: "Ivy Intake",
      note: "Left a voicemail, then reached them.",
    });
  });

  it("assigns an owner and a follow-up, and flags it when overdue", async () => {
    const created = await post("/api/v1/inquiries", inquiry({ name: "Follow Up" }), { ip: "10.50.0.20" });
    const lead = (
      await app.inject({ url: `/api/v1/admissions/leads?q=${created.json().reference}`, headers: { cookie } })
    ).json().leads[0];
    const patch = (payload: object) =>
      app.inject({
        method: "PATCH",
        url: `/api/v1/admissions/leads/${lead.id}`,
        headers: { ...appHeaders, cookie },
        payload,
      });
    const stranger = await givenUser(database.db, { siteNames: ["Elsewhere"] });
    expect((await patch({ ownerUserId: stranger.id })).json().error.fields).toEqual([
      { path: "ownerUserId", message: "Choose someone who works at this site." },
    ]);
    const updated = await patch({
      ownerUserId: intake.id,
      nextAction: "Call back",
      nextActionDueOn: "2026-11-22",
    });
    expect(updated.json()).toMatchObject({
      owner: { displayName: "Ivy Intake" },
      nextAction: "Call back",
      overdue: true,
    });
    const overdue = await app.inject({
      url: "/api/v1/admissions/leads?overdue=true&mine=true",
      headers: { cookie },
    });
    expect(overdue.json().leads.map((l: { id: string }) => l.id)).toEqual([lead.id]);
  });

  it("keeps each site's pipeline to its own staff", async () => {
    const elsewhere = await post("/api/v1/inquiries", inquiry({ siteId: otherSiteId, name: "Far Away" }), {
      ip: "10.50.0.30",
    });
    const list = await app.inject({
      url: "/api/v1/admissions/leads?stage=all&pageSize=100",
      headers: { cookie },
    });
    expect(list.json().leads.some((l: { personName: string }) => l.personName === "Far Away")).toBe(false);
    const row = await database.db.query.admissionLeads.findFirst({
      where: (l, { eq }) => eq(l.reference, elsewhere.json().reference),
    });
    expect(
      (await app.inject({ url: `/api/v1/admissions/leads/${row!.id}`, headers: { cookie } })).statusCode,
    ).toBe(404);
  });

  it("records a screening: the program's rule suggests, the clinician decides, a difference needs a reason", async () => {
    const referral = await post(
      "/api/v1/admissions/referrals",
      {
        siteId,
        source: "residential",
        personName: "Quinn Sol",
        contactMethod: "phone",
        phone: "555 010 8888",
      },
      { cookie },
    );
    const id = referral.json().id;
    const screen = (payload: object) => post(`/api/v1/admissions/leads/${id}/screening`, payload, { cookie });
    const screening = aScreening({
      ratings: [1, 0, 3, 1, 2, 2],
      justifications: ["", "", "Panic attacks most days", "", "", ""],
      recommendedLevel: "2.5",
      providedLevel: "2.1",
      differenceReason: null,
    });
    expect((await screen({ ...screening, differenceReason: "payer" })).json().error.code).toBe(
      "ADMISSIONS_TRANSITION_NOT_ALLOWED",
    );
    await post(`/api/v1/admissions/leads/${id}/stage`, { to: "screening_scheduled" }, { cookie });

    const outOfRange = await screen({ ...screening, ratings: [1, 0, 5, 1, 2, 2] });
    expect(outOfRange.json().error.fields[0].path).toBe("ratings.2");
    const noReason = await screen(screening);
    expect(noReason.json().error.fields).toEqual([
      { path: "differenceReason", message: "Say why the level provided differs from the one recommended." },
    ]);
    const unknownLevel = await screen({ ...screening, recommendedLevel: "9.9", differenceReason: "payer" });
    expect(unknownLevel.json().error.fields[0]).toEqual({
      path: "recommendedLevel",
      message: "Choose a level of care from edition 3.",
    });

    const done = await screen({ ...screening, differenceReason: "level_not_available" });
    expect(done.statusCode).toBe(200);
    expect(done.json().stage).toBe("screened");
    expect(done.json().screening).toMatchObject({
      suggestedLevel: "2.5",
      suggestionDrivenBy: [3],
      recommendedLevel: "2.5",
      providedLevel: "2.1",
      differenceReason: "level_not_available",
      screenedBy: "Ivy Intake",
    });
    expect(done.json().screening.dimensions[2]).toBe(
      "Emotional, Behavioral, or Cognitive Conditions and Complications",
    );
  });

  it("admits in one sitting: participant, episode, diagnoses and care team, refusing duplicates and bad dates", async () => {
    const counselor = await givenUser(database.db, {
      roles: ["counselor"],
      siteNames: ["Harborview"],
      displayName: "Casey Counselor",
    });
    const referral = await post(
      "/api/v1/admissions/referrals",
      {
        siteId,
        source: "inpatient",
        personName: "Dana Birchwell",
        contactMethod: "phone",
        phone: "555 010 9999",
      },
      { cookie },
    );
    const id = referral.json().id;
    const admit = (payload: object) => post(`/api/v1/admissions/leads/${id}/admission`, payload, { cookie });
    const admission = {
      legalGivenName: "Dana",
      legalFamilyName: "Birchwell",
      preferredName: "Dee",
      pronouns: "she/her",
      bornOn: "1988-06-30",
      admittedOn: "2026-11-23",
      primaryCounselorId: counselor.id,
      diagnoses: [
        { code: "F11.20", primary: true },
        { code: "F43.10", primary: false },
      ],
    };
    expect((await admit(admission)).json().error).toMatchObject({
      code: "ADMISSIONS_TRANSITION_NOT_ALLOWED",
      fields: [{ path: "to" }],
    });
    await post(`/api/v1/admissions/leads/${id}/stage`, { to: "screening_scheduled" }, { cookie });
    await post(`/api/v1/admissions/leads/${id}/stage`, { to: "screened" }, { cookie });

    const bad = await admit({
      ...admission,
      bornOn: "2030-01-01",
      diagnoses: [{ code: "F99.99", primary: true }],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.map((f: { path: string }) => f.path)).toEqual([
      "bornOn",
      "admittedOn",
      "diagnoses.0.code",
      "diagnoses",
    ]);
    const early = await admit({ ...admission, admittedOn: "2026-11-01" });
    expect(early.json().error.fields[0]).toMatchObject({ path: "admittedOn" });
    const stranger = await givenUser(database.db, { roles: ["counselor"], siteNames: ["Elsewhere"] });
    expect((await admit({ ...admission, primaryCounselorId: stranger.id })).json().error.fields[0].path).toBe(
      "primaryCounselorId",
    );

    // A person with the same name and date of birth is already in the program.
    await database.db.execute(
      (await import("drizzle-orm"))
        .sql`insert into participants (site_id, given_name, family_name, born_on) values (${siteId}, 'dana', 'BIRCHWELL', '1988-06-30')`,
    );
    const duplicate = await admit(admission);
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error).toMatchObject({
      code: "ADMISSIONS_POSSIBLE_DUPLICATE",
      fields: [{ path: "legalFamilyName" }],
    });
    expect(duplicate.json().error.duplicates).toEqual([
      {
        participantId: expect.any(String),
        name: "dana BIRCHWELL",
        bornOn: "1988-06-30",
        siteName: "Harborview",
        openSince: null,
        lastDischargedOn: null,
        episodes: 0,
        sameSite: true,
      },
    ]);

    const admitted = await admit({ ...admission, confirmNotDuplicate: true });
    expect(admitted.statusCode).toBe(201);
    const { participantId } = admitted.json();
    const lead = (await app.inject({ url: `/api/v1/admissions/leads/${id}`, headers: { cookie } })).json();
    expect(lead).toMatchObject({ stage: "admitted", daysToAdmission: 0 });
    expect(
      (
        await post(
          `/api/v1/admissions/leads/${id}/admission`,
          { ...admission, confirmNotDuplicate: true },
          { cookie },
        )
      ).json().error.code,
    ).toBe("ADMISSIONS_STAGE_CLOSED");

    const record = await app.inject({ url: `/api/v1/participants/${participantId}`, headers: { cookie } });
    expect(record.json()).toMatchObject({
      givenName: "Dana",
      familyName: "Birchwell",
      careTeam: [{ displayName: "Casey Counselor", role: "primary_counselor" }],
      episodes: [{ admittedOn: "2026-11-23", levelOfCare: "2.1", dischargedOn: null }],
    });
    const rows = await database.db.query.diagnoses.findMany({
      where: (d, { eq }) => eq(d.participantId, participantId),
    });
    expect(rows.map((d) => [d.code, d.title, d.isPrimary]).sort()).toEqual([
      ["F11.20", "Opioid dependence, uncomplicated", true],
      ["F43.10", "Post-traumatic stress disorder, unspecified", false],
    ]);
    // The new participant is on the counselor's caseload at once.
    const counselorCookie = (await signIn(app, counselor.email, counselor.password)).cookie;
    const caseload = await app.inject({ url: "/api/v1/participants", headers: { cookie: counselorCookie } });
    expect(caseload.json().participants.map((p: { id: string }) => p.id)).toEqual([participantId]);
  });

  it("readmits someone discharged earlier into a new episode, keeping the old one; never twice at once", async () => {
    const { sql } = await import("drizzle-orm");
    const counselor = await givenUser(database.db, {
      roles: ["counselor"],
      siteNames: ["Harborview"],
      displayName: "Morgan Counselor",
    });
    const formerCounselor = await givenUser(database.db, { roles: ["counselor"], siteNames: ["Harborview"] });
    const person = (
      await queryRows<{ id: string }>(
        database.db,
        sql`insert into participants (site_id, given_name, family_name, born_on, phone)
            values (${siteId}, 'Rowan', 'Ashgrove', '1979-02-14', '555 010 0001') returning id`,
      )
    )[0]!.id;
    await database.db.execute(
      sql`insert into episodes (participant_id, site_id, admitted_on, discharged_on, discharge_reason, level_of_care)
          values (${person}, ${siteId}, '2026-03-02', '2026-06-01', 'completed', '2.1')`,
    );
    await database.db.execute(
      sql`insert into care_team_members (participant_id, user_id, role) values (${person}, ${formerCounselor.id}, 'primary_counselor')`,
    );
    // Someone with the same name and birth date at a site this intake coordinator does not work at.
    const hidden = (
      await queryRows<{ id: string }>(
        database.db,
        sql`insert into participants (site_id, given_name, family_name, born_on)
            values (${otherSiteId}, 'Rowan', 'Ashgrove', '1979-02-14') returning id`,
      )
    )[0]!.id;

    const screenedLead = async () => {
      const lead = await post(
        "/api/v1/admissions/referrals",
        {
          siteId,
          source: "residential",
          personName: "Rowan Ashgrove",
          contactMethod: "phone",
          phone: "555 010 0002",
        },
        { cookie },
      );
      const leadId = lead.json().id as string;
      await post(`/api/v1/admissions/leads/${leadId}/stage`, { to: "screening_scheduled" }, { cookie });
      await post(`/api/v1/admissions/leads/${leadId}/stage`, { to: "screened" }, { cookie });
      return leadId;
    };
    const admission = {
      legalGivenName: "Rowan",
      legalFamilyName: "Ashgrove",
      bornOn: "1979-02-14",
      phone: "555 010 0002",
      admittedOn: "2026-11-23",
      primaryCounselorId: counselor.id,
      diagnoses: [{ code: "F10.20", primary: true }],
    };
    const leadId = await screenedLead();
    const admit = (payload: object, lead = leadId) =>
      post(`/api/v1/admissions/leads/${lead}/admission`, payload, { cookie });

    const matches = await admit(admission);
    expect(matches.statusCode).toBe(409);
    expect(matches.json().error.duplicates).toEqual([
      {
        participantId: person,
        name: "Rowan Ashgrove",
        bornOn: "1979-02-14",
        siteName: "Harborview",
        openSince: null,
        lastDischargedOn: "2026-06-01",
        episodes: 1,
        sameSite: true,
      },
    ]);

    // A person the coordinator cannot see cannot be readmitted (and is not confirmed to exist).
    const unseen = await admit({ ...admission, readmitParticipantId: hidden });
    expect(unseen.statusCode).toBe(400);
    expect(unseen.json().error.fields).toEqual([
      {
        path: "readmitParticipantId",
        message: "Choose the person to readmit from the list of possible matches.",
      },
    ]);
    // Bad dates are still refused, and nothing is half-saved.
    const future = await admit({ ...admission, admittedOn: "2026-12-01", readmitParticipantId: person });
    expect(future.json().error.fields[0].path).toBe("admittedOn");
    const untouched = await queryRows<{ phone: string; episodes: number }>(
      database.db,
      sql`select phone, (select count(*)::int from episodes where participant_id = ${person}) as episodes from participants where id = ${person}`,
    );
    expect(untouched[0]).toEqual({ phone: "555 010 0001", episodes: 1 });

    const readmitted = await admit({ ...admission, readmitParticipantId: person });
    expect(readmitted.statusCode).toBe(201);
    expect(readmitted.json().participantId).toBe(person);
    const record = (await app.inject({ url: `/api/v1/participants/${person}`, headers: { cookie } })).json();
    expect(record.current).toMatchObject({ admittedOn: "2026-11-23", levelOfCare: "2.1", daysInProgram: 0 });
    expect(record.contact).toMatchObject({ phone: "555 010 0002" });
    expect(
      record.episodes.map((e: { admittedOn: string; dischargedOn: string | null }) => [
        e.admittedOn,
        e.dischargedOn,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ["2026-11-23", null],
        ["2026-03-02", "2026-06-01"],
      ]),
    );
    expect(record.episodes).toHaveLength(2);
    expect(record.careTeam).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ displayName: "Morgan Counselor", role: "primary_counselor" }),
        expect.objectContaining({ userId: formerCounselor.id, role: "counselor" }),
      ]),
    );
    const contact = await queryRows<{ phone: string }>(
      database.db,
      sql`select phone from participants where id = ${person}`,
    );
    expect(contact[0]!.phone).toBe("555 010 0002");
    const audit = await queryRows<{ details: string }>(
      database.db,
      sql`select details from audit_events where action = 'admissions.admit' and participant_id = ${person}`,
    );
    expect(audit.map((r) => JSON.parse(r.details).readmission)).toEqual([true]);

    // In the program now: a second inquiry for the same person cannot open a second episode.
    const secondLead = await screenedLead();
    const again = await admit(admission, secondLead);
    expect(again.json().error.duplicates[0]).toMatchObject({
      participantId: person,
      openSince: "2026-11-23",
    });
    const twice = await admit({ ...admission, readmitParticipantId: person }, secondLead);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error).toMatchObject({
      code: "ADMISSIONS_ALREADY_IN_PROGRAM",
      fields: [{ path: "readmitParticipantId" }],
    });
  });

  it("puts the chosen care team on the record at admission, refusing staff of another site and repeats by field", async () => {
    const [primary, prescriber, caseManager] = await Promise.all(
      ["Pat Primary", "Dr. Rowan Prescriber", "Kit Casemanager"].map((displayName) =>
        givenUser(database.db, { roles: ["counselor"], siteNames: ["Harborview"], displayName }),
      ),
    );
    const outsider = await givenUser(database.db, { roles: ["counselor"], siteNames: ["Elsewhere"] });
    const referral = await post(
      "/api/v1/admissions/referrals",
      {
        siteId,
        source: "detox",
        personName: "Morgan Teamwell",
        contactMethod: "phone",
        phone: "555 010 7777",
      },
      { cookie },
    );
    const id = referral.json().id;
    await post(`/api/v1/admissions/leads/${id}/stage`, { to: "screening_scheduled" }, { cookie });
    await post(`/api/v1/admissions/leads/${id}/stage`, { to: "screened" }, { cookie });
    const admit = (careTeam: object[]) =>
      post(
        `/api/v1/admissions/leads/${id}/admission`,
        {
          legalGivenName: "Morgan",
          legalFamilyName: "Teamwell",
          bornOn: "1991-03-14",
          admittedOn: "2026-11-23",
          primaryCounselorId: primary!.id,
          careTeam,
          diagnoses: [{ code: "F10.20", primary: true }],
        },
        { cookie },
      );

    const fieldsOf = async (careTeam: object[]) => {
      const response = await admit(careTeam);
      expect(response.statusCode).toBe(400);
      return response.json().error.fields.map((f: { path: string }) => f.path);
    };
    expect(await fieldsOf([{ userId: prescriber!.id, role: "surgeon" }])).toEqual(["careTeam.0.role"]);
    expect(
      await fieldsOf([
        { userId: primary!.id, role: "counselor" },
        { userId: prescriber!.id, role: "prescriber" },
        { userId: prescriber!.id, role: "case_manager" },
      ]),
    ).toEqual(["careTeam.0.userId", "careTeam.2.userId"]);
    expect(await fieldsOf([{ userId: outsider.id, role: "counselor" }])).toEqual(["careTeam.0.userId"]);
    const leadAfterRefusals = await app.inject({
      url: `/api/v1/admissions/leads/${id}`,
      headers: { cookie },
    });
    expect(leadAfterRefusals.json().stage).toBe("screened");

    const admitted = await admit([
      { userId: prescriber!.id, role: "prescriber" },
      { userId: caseManager!.id, role: "case_manager" },
    ]);
    expect(admitted.statusCode).toBe(201);
    const record = await app.inject({
      url: `/api/v1/participants/${admitted.json().participantId}`,
      headers: { cookie },
    });
    expect(
      record
        .json()
        .careTeam.map((m: { displayName: string; role: string }) => [m.displayName, m.role])
        .sort(),
    ).toEqual([
      ["Dr. Rowan Prescriber", "prescriber"],
      ["Kit Casemanager", "case_manager"],
      ["Pat Primary", "primary_counselor"],
    ]);
  });

  it("searches diagnosis codes by name, code or abbreviation", async () => {
    const search = async (q: string) =>
      (await app.inject({ url: `/api/v1/diagnosis-codes?q=${encodeURIComponent(q)}`, headers: { cookie } }))
        .json()
        .codes.map((c: { code: string }) => c.code);
    expect(await search("F14.2")).toEqual(["F14.20", "F14.21", "F14.23"]);
    expect(await search("cocain dependence")).toEqual(["F14.20", "F14.21", "F14.23"]);
    expect(await search("PTSD")).toEqual(["F43.10", "F43.11", "F43.12"]);
  });

  it("serves each location's public program page, starting from Bridgeway's text until staff write their own", async () => {
    const page = await app.inject({ url: `/api/v1/public/program-pages/${siteId}` });
    expect(page.json()).toMatchObject({ siteName: "Harborview", updatedAt: null });
    expect(page.json().bodyMarkdown).toContain("# Intensive outpatient program at Harborview");
    expect(page.json().bodyMarkdown).toContain("988");
    const admin = await givenUser(database.db, { roles: ["administrator"], siteNames: ["Harborview"] });
    const adminCookie = (await signIn(app, admin.email, admin.password)).cookie;
    const put = (bodyMarkdown: string) =>
      app.inject({
        method: "PUT",
        url: `/api/v1/program-pages/${siteId}`,
        headers: { ...appHeaders, cookie: adminCookie },
        payload: { bodyMarkdown },
      });
    expect((await put("Too short")).json().error.fields[0].path).toBe("bodyMarkdown");
    const saved = await put("## Harborview IOP\n\nEvening groups Monday, Tuesday and Thursday, 6–9 pm.");
    expect(saved.json()).toMatchObject({
      bodyMarkdown: "## Harborview IOP\n\nEvening groups Monday, Tuesday and Thursday, 6–9 pm.",
    });
    expect(
      (await app.inject({ url: `/api/v1/public/program-pages/${siteId}` })).json().updatedAt,
    ).not.toBeNull();
    expect(
      (await app.inject({ url: "/api/v1/public/program-pages/00000000-0000-4000-8000-000000000000" }))
        .statusCode,
    ).toBe(404);
  });

  it("builds the program page's week from the location's real tracks and times, showing nothing private", async () => {
    const lakeside = await givenSite(database.db, "Lakeside");
    const path = `/api/v1/public/program-pages/${lakeside.id}`;
    expect((await app.inject({ url: path })).json().week).toEqual([]);

    await givenTrack(database.db, {
      siteId: lakeside.id,
      name: "Evening IOP",
      capacity: 10,
      slots: [
        { weekday: 4, start: "18:00", end: "21:00" },
        { weekday: 1, start: "18:00", end: "21:00" },
        { weekday: 2, start: "18:00", end: "21:00" },
      ],
    });
    await givenTrack(database.db, {
      siteId: lakeside.id,
      name: "Morning IOP",
      startsOn: "2026-12-07",
      slots: [{ weekday: 1, start: "09:00", end: "12:00" }],
    });
    await givenTrack(database.db, {
      siteId: lakeside.id,
      name: "Summer IOP",
      endsOn: "2026-08-28",
      slots: [{ weekday: 3, start: "09:00", end: "12:00" }],
    });
    await givenTrack(database.db, {
      siteId,
      name: "Harborview track",
      slots: [{ weekday: 5, start: "10:00", end: "13:00" }],
    });

    const page = await app.inject({ url: path });
    expect(page.statusCode).toBe(200);
    expect(page.json().week).toEqual([
      {
        name: "Morning IOP",
        levelOfCare: "2.1",
        audience: "adult",
        telehealth: false,
        timeZone: "America/New_York",
        startsOn: "2026-12-07",
        sessions: [{ weekday: 1, start: "09:00", end: "12:00" }],
        minutesPerWeek: 180,
      },
      {
        name: "Evening IOP",
        levelOfCare: "2.1",
        audience: "adult",
        telehealth: false,
        timeZone: "America/New_York",
        startsOn: null,
        sessions: [
          { weekday: 1, start: "18:00", end: "21:00" },
          { weekday: 2, start: "18:00", end: "21:00" },
          { weekday: 4, start: "18:00", end: "21:00" },
        ],
        minutesPerWeek: 540,
      },
    ]);
    expect(JSON.stringify(page.json())).not.toMatch(/capacity|location|roomId/);
  });
});

import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenFamilyConsent, givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { composeNotice, NOTICE_PARTS } from "../../core/privacy/notice.text";
import { SYSTEM_CONTEXT } from "../audit/audit.service";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { DisclosureRefused, discloseWithin } from "../disclosures/disclose";

/**
 * Participant rights end to end over HTTP on a real database: Pat asks not to share, the counselor on
 * their care team answers, an agreed restriction stops a disclosure the family consent would allow;
 * the self-paid health-plan restriction is agreed at once and only Pat can end it; the Patient Notice
 * is given on paper or acknowledged in the app, once per version.
 */

type Who = "pat" | "sam" | "counselor" | "admin" | "outsider";

describeEachEngine("participant rights: restrictions and the Patient Notice", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let current = new Date("2026-03-02T15:00:00Z");
  const ids: Record<string, string> = {};
  const cookies = new Map<Who, string>();
  const tick = () => {
    current = new Date(current.getTime() + 1_000);
  };

  async function call(who: Who, method: "GET" | "POST" | "PUT", url: string, payload?: unknown) {
    tick();
    return app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...appHeaders, cookie: cookies.get(who)! },
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });
  }

  const alertsFor = (evidenceId: string) =>
    queryRows<{ kind: string; state: string }>(
      database.db,
      sql`select kind, state from alerts where evidence_id = ${evidenceId}`,
    );

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: () => new Date(current) });
    const site = await givenSite(database.db, "Rights Site");
    ids.site = site.id;
    for (const [name, roles] of [
      ["counselor", ["counselor"]],
      ["admin", ["administrator"]],
      ["outsider", ["counselor"]],
    ] as const) {
      const user = await givenUser(database.db, {
        roles: [...roles],
        siteNames: [site.name],
        displayName: `Rights ${name}`,
      });
      ids[name] = user.id;
      cookies.set(name, (await signIn(app, user.email, user.password)).cookie);
    }
    for (const name of ["pat", "sam"] as const) {
      const user = await givenUser(database.db, { kind: "participant", displayName: `Rights ${name}` });
      ids[name] = (
        await givenParticipant(database.db, {
          siteId: site.id,
          givenName: name === "pat" ? "Pat" : "Sam",
          familyName: "Rights",
          userId: user.id,
          careTeam: [{ userId: ids.counselor!, role: "primary_counselor" }],
        })
      ).id;
      cookies.set(name, (await signIn(app, user.email, user.password)).cookie);
    }
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it("raises an alert for a request, and once agreed the disclosure of that category is refused as restricted", async () => {
    const consent = await givenFamilyConsent(database.db, {
      participantId: ids.pat!,
      siteId: ids.site!,
      createdBy: ids.counselor!,
      scopes: ["family_session_schedule", "attendance_summary"],
    });
    // A variable, not a literal: discloseWithin takes the request without its payload.
    const attendance = () => ({
      participantId: ids.pat!,
      channel: "family_portal" as const,
      purpose: "Family portal: attendance",
      information: ["attendance_summary" as const],
      disclosedBy: null,
      at: new Date(current),
      basis: "consent" as const,
      consentId: consent.consentId,
      recipientId: consent.recipientId,
    });
    const disclose = () =>
      discloseWithin(database.db, SYSTEM_CONTEXT, attendance(), async () => ({ attended: 3 }));
    await expect(disclose()).resolves.toBeDefined();

    const asked = await call("pat", "POST", "/me/restrictions", {
      kind: "category",
      informationScope: ["attendance_summary"],
      description: "I would rather tell my family myself.",
    });
    expect(asked.statusCode).toBe(201);
    const restriction = asked.json();
    expect(restriction).toMatchObject({
      status: "requested",
      requestedVia: "participant_app",
      kind: "category",
    });
    expect(await alertsFor(restriction.id)).toEqual([{ kind: "restriction_requested", state: "open" }]);

    const agreed = await call(
      "counselor",
      "POST",
      `/participants/${ids.pat}/restrictions/${restriction.id}/decision`,
      {
        decision: "agree",
        note: "Agreed. We will not share your attendance.",
      },
    );
    expect(agreed.statusCode).toBe(200);
    expect(agreed.json()).toMatchObject({ status: "agreed", decidedBy: "Rights counselor" });
    expect(await alertsFor(restriction.id)).toEqual([{ kind: "restriction_requested", state: "resolved" }]);

    const refused = await disclose().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DisclosureRefused);
    expect((refused as DisclosureRefused).problems).toContain("restricted");

    const again = await call(
      "counselor",
      "POST",
      `/participants/${ids.pat}/restrictions/${restriction.id}/decision`,
      {
        decision: "refuse",
      },
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe("RESTRICTION_NOT_PENDING");
  });

  it("lets the program refuse a request, with a note the participant reads", async () => {
    const asked = await call("counselor", "POST", `/participants/${ids.pat}/restrictions`, {
      kind: "recipient",
      informationScope: ["diagnosis"],
      recipientText: "Dr. Lee, primary care",
      description: "Asked at the front desk.",
    });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ status: "requested", requestedVia: "staff_recorded" });
    const refused = await call(
      "counselor",
      "POST",
      `/participants/${ids.pat}/restrictions/${asked.json().id}/decision`,
      {
        decision: "refuse",
        note: "Your doctor needs the diagnosis to prescribe safely.",
      },
    );
    expect(refused.json()).toMatchObject({ status: "refused" });
    const mine = await call("pat", "GET", "/me/restrictions");
    expect(mine.json().restrictions.find((r: { id: string }) => r.id === asked.json().id)).toMatchObject({
      status: "refused",
      decisionNote: "Your doctor needs the diagnosis to prescribe safely.",
    });
  });

  it("names each missing field of a request", async () => {
    const incomplete = await call("pat", "POST", "/me/restrictions", { kind: "health_plan_self_paid" });
    expect(incomplete.statusCode).toBe(400);
    expect(
      incomplete
        .json()
        .error.fields.map((f: { path: string }) => f.path)
        .sort(),
    ).toEqual(["description", "recipientText"]);
  });

  it("agrees to the self-paid restriction at once, never lets the program end it, and lets the participant end it in writing", async () => {
    const asked = await call("pat", "POST", "/me/restrictions", {
      kind: "health_plan_self_paid",
      recipientText: "Acme Health Plan",
      description: "The March individual sessions, paid in cash.",
    });
    expect(asked.statusCode).toBe(201);
    const selfPaid = asked.json();
    expect(selfPaid).toMatchObject({ status: "agreed" });
    expect(await alertsFor(selfPaid.id)).toEqual([]);

    const decide = await call(
      "counselor",
      "POST",
      `/participants/${ids.pat}/restrictions/${selfPaid.id}/decision`,
      {
        decision: "refuse",
      },
    );
    expect(decide.json().error.code).toBe("RESTRICTION_NOT_PENDING");
    const byNotice = await call(
      "counselor",
      "POST",
      `/participants/${ids.pat}/restrictions/${selfPaid.id}/termination`,
      {
        by: "program_notice",
        note: "Program policy changed.",
      },
    );
    expect(byNotice.statusCode).toBe(409);
    expect(byNotice.json().error.code).toBe("RESTRICTION_NOT_TERMINABLE");

    const ended = await call("pat", "POST", `/me/restrictions/${selfPaid.id}/termination`, {
      statement: "I no longer need this; my plan may be billed.",
    });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({ status: "terminated" });
    expect(ended.json().terminationNote).toContain("my plan may be billed");
  });

  it("lets the program end an agreed category restriction by notice, and only once", async () => {
    const asked = await call("pat", "POST", "/me/restrictions", {
      kind: "category",
      informationScope: ["medications"],
    });
    const id = asked.json().id;
    await call("counselor", "POST", `/participants/${ids.pat}/restrictions/${id}/decision`, {
      decision: "agree",
    });
    const ended = await call("counselor", "POST", `/participants/${ids.pat}/restrictions/${id}/termination`, {
      by: "program_notice",
      note: "Letter sent on 2 March.",
    });
    expect(ended.json()).toMatchObject({ status: "terminated" });
    expect(ended.json().terminationNote).toContain("only to information created after");
    const twice = await call("pat", "POST", `/me/restrictions/${id}/termination`, { statement: "End it." });
    expect(twice.json().error.code).toBe("RESTRICTION_NOT_ACTIVE");
  });

  it("keeps a restriction the program ended by notice applied (earlier records stay protected); the participant's own ending lifts it", async () => {
    const consent = await givenFamilyConsent(database.db, {
      participantId: ids.pat!,
      siteId: ids.site!,
      createdBy: ids.counselor!,
      scopes: ["treatment_goals", "shared_progress"],
    });
    const view = (information: "treatment_goals" | "shared_progress") => ({
      participantId: ids.pat!,
      channel: "family_portal" as const,
      purpose: "Family portal: a view",
      information: [information],
      disclosedBy: null,
      at: new Date(current),
      basis: "consent" as const,
      consentId: consent.consentId,
      recipientId: consent.recipientId,
    });
    const disclose = (information: "treatment_goals" | "shared_progress") =>
      discloseWithin(database.db, SYSTEM_CONTEXT, view(information), async () => ({ shown: information }));
    const agreedRestriction = async (scope: "treatment_goals" | "shared_progress") => {
      const asked = await call("pat", "POST", "/me/restrictions", {
        kind: "category",
        informationScope: [scope],
      });
      await call("counselor", "POST", `/participants/${ids.pat}/restrictions/${asked.json().id}/decision`, {
        decision: "agree",
      });
      return asked.json().id as string;
    };

    const byProgram = await agreedRestriction("treatment_goals");
    const ended = await call(
      "counselor",
      "POST",
      `/participants/${ids.pat}/restrictions/${byProgram}/termination`,
      {
        by: "program_notice",
        note: "Letter sent.",
      },
    );
    expect(ended.json()).toMatchObject({ status: "terminated" });
    const stillRefused = await disclose("treatment_goals").catch((e: unknown) => e);
    expect((stillRefused as DisclosureRefused).problems).toContain("restricted");

    const byParticipant = await agreedRestriction("shared_progress");
    await expect(disclose("shared_progress")).rejects.toBeInstanceOf(DisclosureRefused);
    const lifted = await call("pat", "POST", `/me/restrictions/${byParticipant}/termination`, {
      statement: "You may share my updates again.",
    });
    expect(lifted.statusCode).toBe(200);
    await expect(disclose("shared_progress")).resolves.toBeDefined();
  });

  it("shows a participant only their own restrictions", async () => {
    await call("sam", "POST", "/me/restrictions", { kind: "category", informationScope: ["drug_screens"] });
    const pat = (await call("pat", "GET", "/me/restrictions")).json().restrictions;
    const sam = (await call("sam", "GET", "/me/restrictions")).json().restrictions;
    expect(pat.every((r: { participantId: string }) => r.participantId === ids.pat)).toBe(true);
    expect(sam).toHaveLength(1);
    expect(sam[0]).toMatchObject({ participantId: ids.sam, informationScope: ["drug_screens"] });
    const samOnPat = await call("sam", "POST", `/me/restrictions/${pat[0].id}/termination`, {
      statement: "End.",
    });
    expect(samOnPat.statusCode).toBe(404);
    const chart = await call("sam", "GET", `/participants/${ids.pat}/restrictions`);
    expect([403, 404]).toContain(chart.statusCode);
  });

  it("refuses decisions from staff without consents.manage on the participant", async () => {
    const asked = await call("pat", "POST", "/me/restrictions", {
      kind: "category",
      informationScope: ["diagnosis"],
    });
    const refused = await call(
      "admin",
      "POST",
      `/participants/${ids.pat}/restrictions/${asked.json().id}/decision`,
      {
        decision: "agree",
      },
    );
    expect([403, 404]).toContain(refused.statusCode);
  });

  it("records the notice on paper, lets the participant acknowledge it in the app once, and asks again for a new version", async () => {
    const before = await call("counselor", "GET", `/participants/${ids.sam}/patient-notice`);
    expect(before.json()).toMatchObject({ standing: "not_given", due: true, deliveries: [] });

    const declined = await call("counselor", "POST", `/participants/${ids.sam}/patient-notice/deliveries`, {
      acknowledgement: "declined",
    });
    expect(declined.statusCode).toBe(201);
    expect(declined.json()).toMatchObject({ standing: "declined", due: false });
    expect(declined.json().deliveries[0]).toMatchObject({ method: "paper", deliveredBy: "Rights counselor" });

    const version = (await call("sam", "GET", "/patient-notice")).json().version;
    const acknowledged = await call("sam", "POST", "/me/patient-notice/acknowledgement", { version });
    expect(acknowledged.statusCode).toBe(200);
    expect(acknowledged.json()).toMatchObject({ standing: "acknowledged" });
    expect(acknowledged.json().deliveries[0]).toMatchObject({
      method: "electronic",
      acknowledgement: "signed",
    });
    const twice = await call("sam", "POST", "/me/patient-notice/acknowledgement", { version });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe("NOTICE_ALREADY_ACKNOWLEDGED");

    const settings = (await call("admin", "GET", "/patient-notice")).json().settings;
    const changed = await call("admin", "PUT", "/patient-notice", { ...settings, effectiveOn: "2026-06-01" });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().version).not.toBe(version);
    const stale = await call("sam", "POST", "/me/patient-notice/acknowledgement", { version });
    expect(stale.json().error.code).toBe("NOTICE_VERSION_CHANGED");
    expect((await call("sam", "GET", "/me/patient-notice")).json()).toMatchObject({
      standing: "older_version",
      due: true,
    });
  });

  it("keeps the notice settings to administrators and names a bad field", async () => {
    const settings = (await call("pat", "GET", "/patient-notice")).json().settings;
    expect((await call("counselor", "PUT", "/patient-notice", settings)).statusCode).toBe(403);
    const bad = await call("admin", "PUT", "/patient-notice", {
      ...settings,
      contactEmail: "not an address",
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0].path).toBe("contactEmail");
  });

  it("gives a notice with every part the rule requires, filled in with the program's contact", async () => {
    const current = (await call("admin", "GET", "/patient-notice")).json();
    const saved = await call("admin", "PUT", "/patient-notice", {
      ...current.settings,
      programName: "Rights IOP",
      contactName: "Dana Privacy",
      contactPhone: "555-0142",
      contactEmail: "privacy@rights.example",
      fundraises: true,
    });
    expect(saved.json().missingSettings).toEqual([]);
    for (const language of ["en", "es"] as const) {
      const notice = composeNotice(saved.json().settings, language);
      expect(notice.sections.map((s) => s.key)).toEqual([...NOTICE_PARTS]);
      expect(notice.sections.find((s) => s.key === "contact")!.paragraphs.join(" ")).toContain("555-0142");
    }
  });
});

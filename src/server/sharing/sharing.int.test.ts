import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import { SYSTEM_CONTEXT } from "../audit/audit.service";
import { insertRule } from "../consents/minor-consent-rules.sql";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { discloseWithin } from "../disclosures/disclose";

/**
 * Sharing with family end to end over HTTP on a real database: Pat (an adult) shares with people,
 * Robin (a minor at a site whose rule needs a parent's signature) waits for a guardian, and Sam (another
 * participant) never sees Pat's people. The counselor works from the chart's Family tab.
 */

type Who = "pat" | "sam" | "robin" | "counselor";

describeEachEngine("sharing with family", (engine) => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let current = new Date("2026-11-24T15:00:00Z");
  const ids: Record<string, string> = {};
  const cookies = new Map<Who, string>();

  async function call(
    who: Who,
    method: "GET" | "POST" | "DELETE",
    url: string,
    payload?: Record<string, unknown>,
  ) {
    current = new Date(current.getTime() + 1_000);
    return app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...appHeaders, cookie: cookies.get(who)! },
      ...(payload ? { payload } : {}),
    });
  }

  const share = (overrides: Record<string, unknown> = {}) => ({
    name: "Dana Lee",
    relationship: "sister",
    email: "dana.lee@test.bridgeway.example",
    locale: "es",
    scopes: ["family_session_schedule", "attendance_summary"],
    untilKind: "date",
    untilOn: "2027-06-30",
    safety: "no",
    typedName: "Pat Sharing",
    ...overrides,
  });

  const mailTo = (email: string) =>
    queryRows<{ subject: string; body_text: string }>(
      database.db,
      sql`select subject, body_text from mail_outbox where lower(to_address) = ${email.toLowerCase()} order by created_at`,
    );
  const alertsOf = (kind: string, participantId: string) =>
    queryRows<{ evidence_kind: string; evidence_id: string; reason: string }>(
      database.db,
      sql`select evidence_kind, evidence_id, reason from alerts where kind = ${kind} and participant_id = ${participantId}`,
    );

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: () => new Date(current) });
    const site = await givenSite(database.db, "Sharing Site");
    const minors = await givenSite(database.db, "Sharing Minors Site");
    const counselor = await givenUser(database.db, {
      roles: ["counselor"],
      siteNames: [site.name, minors.name],
      displayName: "Sharing Counselor",
    });
    ids.counselor = counselor.id;
    cookies.set("counselor", (await signIn(app, counselor.email, counselor.password)).cookie);
    await insertRule(database.db, {
      siteId: minors.id,
      rule: {
        stateCode: "NY",
        ageOfMajority: 18,
        minorMayConsentFrom: null,
        parentalConsentRequired: true,
        notes: "",
      },
      updatedBy: counselor.id,
      at: new Date("2026-01-01T00:00:00Z"),
    });
    for (const [who, siteId, bornOn] of [
      ["pat", site.id, "1990-04-12"],
      ["sam", site.id, "1988-02-01"],
      ["robin", minors.id, "2010-05-05"],
    ] as const) {
      const user = await givenUser(database.db, { kind: "participant", displayName: `${who} Sharing` });
      ids[who] = (
        await givenParticipant(database.db, {
          siteId,
          givenName: who[0]!.toUpperCase() + who.slice(1),
          familyName: "Sharing",
          userId: user.id,
          careTeam: [{ userId: counselor.id, role: "primary_counselor" }],
        })
      ).id;
      await database.db.execute(sql`update participants set born_on = ${bornOn} where id = ${ids[who]}`);
      cookies.set(who, (await signIn(app, user.email, user.password)).cookie);
    }
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  describe("sharing with a person", () => {
    it("signs a named-recipient consent with every element, queues a content-free invitation and links the account on the recipient", async () => {
      const response = await call("pat", "POST", "/me/sharing/people", share());
      expect(response.statusCode).toBe(201);
      const { outcome, person } = response.json();
      expect(outcome).toBe("invited");
      expect(person).toMatchObject({
        name: "Dana Lee",
        relationship: "sister",
        scopes: ["family_session_schedule", "attendance_summary"],
        status: "invitation_sent",
        untilOn: "2027-06-30",
        safetyScreen: "safe",
        missingSigners: [],
      });
      ids.dana = person.recipientId;

      const [consent] = await queryRows<{
        kind: string;
        status: string;
        purposes: string[];
        disclosers: { type: string; name: string }[];
        information_scope: string[];
        document_text: string;
        required_signers: string[];
      }>(
        database.db,
        sql`select kind, status, purposes, disclosers, information_scope, document_text, required_signers
            from consents where id = ${person.consentId}`,
      );
      expect(consent).toMatchObject({
        kind: "named_recipient",
        status: "signed",
        purposes: ["family_involvement"],
        disclosers: [{ type: "program", name: "Sharing Site" }],
        information_scope: ["family_session_schedule", "attendance_summary"],
        required_signers: ["patient"],
      });
      for (const paragraph of [
        "(a)(1)",
        "(a)(2)",
        "(a)(3)",
        "(a)(4)",
        "(a)(5)",
        "(a)(6)",
        "(a)(7)",
        "(a)(8)",
      ])
        expect(consent!.document_text).toContain(`2.31${paragraph}`);
      expect(consent!.document_text).toContain("Pat Sharing");

      const [signature] = await queryRows<{ role: string; method: string; signer_name: string }>(
        database.db,
        sql`select role, method, signer_name from consent_signatures where consent_id = ${person.consentId}`,
      );
      expect(signature).toEqual({ role: "patient", method: "electronic", signer_name: "Pat Sharing" });

      const mail = await mailTo("dana.lee@test.bridgeway.example");
      expect(mail).toHaveLength(1);
      expect(mail[0]!.subject).toBe("Le invitamos a Bridgeway");
      expect(mail[0]!.body_text).not.toContain("Pat");
      expect(mail[0]!.body_text).toContain("/invitation#token=");

      const [link] = await queryRows<{ consent_recipient_id: string; family_user_id: string; kind: string }>(
        database.db,
        sql`select fl.consent_recipient_id, cr.family_user_id, u.kind from family_links fl
            join users u on u.id = fl.user_id join consent_recipients cr on cr.id = fl.consent_recipient_id
            where fl.participant_id = ${ids.pat}`,
      );
      expect(link).toMatchObject({ consent_recipient_id: ids.dana, kind: "family" });
      expect(link!.family_user_id).toBeTruthy();
      ids.danaUser = link!.family_user_id;

      const listed = (await call("pat", "GET", "/me/sharing")).json();
      expect(listed.people.map((p: { name: string; status: string }) => [p.name, p.status])).toEqual([
        ["Dana Lee", "invitation_sent"],
      ]);
    });

    it("refuses a wrong typed name, a past end date and sharing twice with the same person, naming the field", async () => {
      const wrong = await call(
        "pat",
        "POST",
        "/me/sharing/people",
        share({ email: "x1@test.bridgeway.example", typedName: "Someone Else" }),
      );
      expect(wrong.json().error).toMatchObject({
        code: "VALIDATION_FAILED",
        fields: [{ path: "typedName" }],
      });
      const past = await call(
        "pat",
        "POST",
        "/me/sharing/people",
        share({ email: "x2@test.bridgeway.example", untilOn: "2026-01-01" }),
      );
      expect(past.json().error).toMatchObject({ code: "CONSENT_INCOMPLETE", fields: [{ path: "untilOn" }] });
      const twice = await call(
        "pat",
        "POST",
        "/me/sharing/people",
        share({ email: "DANA.LEE@test.bridgeway.example" }),
      );
      expect(twice.json().error).toMatchObject({
        code: "FAMILY_ALREADY_SHARING",
        fields: [{ path: "email" }],
      });
      expect(await mailTo("x1@test.bridgeway.example")).toHaveLength(0);
    });

    it("links an existing family account instead of failing", async () => {
      const sibling = await givenUser(database.db, { kind: "family", displayName: "Jo Existing" });
      const response = await call(
        "sam",
        "POST",
        "/me/sharing/people",
        share({ name: "Jo Existing", email: sibling.email, typedName: "Sam Sharing" }),
      );
      expect(response.json()).toMatchObject({ outcome: "linked_existing", person: { status: "active" } });
      const [link] = await queryRows<{ user_id: string }>(
        database.db,
        sql`select user_id from family_links where participant_id = ${ids.sam}`,
      );
      expect(link!.user_id).toBe(sibling.id);
    });
  });

  it("stops on a safety concern: nothing sent, the draft kept unsigned with 'concern', the care team alerted", async () => {
    const response = await call(
      "pat",
      "POST",
      "/me/sharing/people",
      share({ name: "Casey Ray", email: "casey@test.bridgeway.example", safety: "not_sure", typedName: "" }),
    );
    expect(response.statusCode).toBe(201);
    const { outcome, person } = response.json();
    expect(outcome).toBe("safety_concern");
    expect(person).toMatchObject({ status: "safety_concern", safetyScreen: "concern" });
    const [consent] = await queryRows<{ status: string; signatures: number }>(
      database.db,
      sql`select status, (select count(*)::int from consent_signatures s where s.consent_id = c.id) as signatures
          from consents c where id = ${person.consentId}`,
    );
    expect(consent).toEqual({ status: "draft", signatures: 0 });
    expect(await mailTo("casey@test.bridgeway.example")).toHaveLength(0);
    const links = await queryRows(
      database.db,
      sql`select 1 from users where lower(email) = 'casey@test.bridgeway.example'`,
    );
    expect(links).toHaveLength(0);
    expect(await alertsOf("family_safety_concern", ids.pat!)).toEqual([
      expect.objectContaining({ evidence_kind: "consent", evidence_id: person.consentId }),
    ]);
    // Trying again with another answer waits for the counselor's talk.
    const again = await call(
      "pat",
      "POST",
      "/me/sharing/people",
      share({ name: "Casey Ray", email: "casey@test.bridgeway.example" }),
    );
    expect(again.json().error.code).toBe("FAMILY_SAFETY_CONCERN");
  });

  it("refuses a person on the do-not-disclose list (by email ignoring case, and by name) and raises an alert", async () => {
    const added = await call("pat", "POST", "/me/sharing/blocks", {
      name: "Jordan Pike",
      email: "Jordan.Pike@test.bridgeway.example",
      note: "My ex",
    });
    expect(added.statusCode).toBe(201);
    const byEmail = await call(
      "pat",
      "POST",
      "/me/sharing/people",
      share({ name: "J P", email: "jordan.pike@TEST.bridgeway.example" }),
    );
    expect(byEmail.json().error).toMatchObject({
      code: "FAMILY_RECIPIENT_BLOCKED",
      fields: [{ path: "email" }],
    });
    const byName = await call(
      "counselor",
      "POST",
      `/participants/${ids.pat}/family/people`,
      share({ name: "jordan  pike", email: "other@test.bridgeway.example", paperSignatureOnFile: true }),
    );
    expect(byName.json().error).toMatchObject({
      code: "FAMILY_RECIPIENT_BLOCKED",
      fields: [{ path: "name" }],
    });
    expect(await mailTo("jordan.pike@test.bridgeway.example")).toHaveLength(0);
    expect(await mailTo("other@test.bridgeway.example")).toHaveLength(0);
    expect((await alertsOf("blocked_person_invited", ids.pat!)).length).toBeGreaterThanOrEqual(1);
    const chart = (await call("counselor", "GET", `/participants/${ids.pat}/family`)).json();
    expect(chart.blocks).toEqual([expect.objectContaining({ name: "Jordan Pike", note: "My ex" })]);
  });

  it("a minor whose state rule needs a parent: no invitation until staff record the guardian's signature", async () => {
    const waiting = await call(
      "robin",
      "POST",
      "/me/sharing/people",
      share({ name: "Morgan Parent", email: "morgan@test.bridgeway.example", typedName: "Robin Sharing" }),
    );
    expect(waiting.json()).toMatchObject({
      outcome: "waiting_for_guardian",
      person: { status: "waiting_for_guardian", missingSigners: ["parent_guardian"] },
    });
    expect(await mailTo("morgan@test.bridgeway.example")).toHaveLength(0);
    expect((await call("robin", "GET", "/me/sharing")).json().guardianRequired).toBe(true);

    const signed = await call(
      "counselor",
      "POST",
      `/participants/${ids.robin}/family/people/${waiting.json().person.recipientId}/guardian-signature`,
      { signerName: "Lee Sharing", locale: "en" },
    );
    expect(signed.json()).toMatchObject({ outcome: "invited", person: { status: "invitation_sent" } });
    expect(await mailTo("morgan@test.bridgeway.example")).toHaveLength(1);
  });

  it("staff share at the participant's request only with the paper signature on file", async () => {
    const body = share({ name: "Ari Friend", email: "ari@test.bridgeway.example", typedName: undefined });
    const unconfirmed = await call("counselor", "POST", `/participants/${ids.sam}/family/people`, body);
    expect(unconfirmed.json().error).toMatchObject({ fields: [{ path: "paperSignatureOnFile" }] });
    const done = await call("counselor", "POST", `/participants/${ids.sam}/family/people`, {
      ...body,
      paperSignatureOnFile: true,
    });
    expect(done.json()).toMatchObject({ outcome: "invited" });
    const [signature] = await queryRows<{ method: string; signer_name: string }>(
      database.db,
      sql`select method, signer_name from consent_signatures where consent_id = ${done.json().person.consentId}`,
    );
    expect(signature).toEqual({ method: "paper_on_file", signer_name: "Sam Sharing" });
  });

  it("stop sharing: a written revocation for that person, and the next disclosure to them is refused", async () => {
    const [consent] = await queryRows<{ consent_id: string }>(
      database.db,
      sql`select consent_id from consent_recipients where id = ${ids.dana}`,
    );
    const request = {
      participantId: ids.pat!,
      channel: "family_portal" as const,
      purpose: "Family portal: schedule",
      information: ["family_session_schedule" as const],
      disclosedBy: ids.danaUser!,
      basis: "consent" as const,
      consentId: consent!.consent_id,
      recipientId: ids.dana!,
      recipientUserId: ids.danaUser!,
    };
    const before = await discloseWithin(
      database.db,
      SYSTEM_CONTEXT,
      { ...request, at: current },
      async () => "ok",
    );
    expect(before.result).toBe("ok");

    const statement = "I revoke my consent for Dana Lee to receive my information. Effective now.";
    const stopped = await call("pat", "POST", `/me/sharing/people/${ids.dana}/revocation`, {
      writtenStatement: statement,
    });
    expect(stopped.statusCode).toBe(200);
    expect(stopped.json()).toMatchObject({ status: "revoked", revokedAt: current.toISOString() });
    const [revocation] = await queryRows<{ written_statement: string; method: string }>(
      database.db,
      sql`select written_statement, method from consent_revocations where recipient_id = ${ids.dana}`,
    );
    expect(revocation).toEqual({ written_statement: statement, method: "participant_app" });

    current = new Date(current.getTime() + 1_000);
    await expect(
      discloseWithin(database.db, SYSTEM_CONTEXT, { ...request, at: current }, async () => "ok"),
    ).rejects.toMatchObject({ code: "DISCLOSURE_NOT_ALLOWED", problems: ["recipient_revoked"] });
    const twice = await call("pat", "POST", `/me/sharing/people/${ids.dana}/revocation`, {
      writtenStatement: statement,
    });
    expect(twice.json().error.code).toBe("CONSENT_ALREADY_REVOKED");
  });

  it("shared updates: written, deleted and restored; the 1,000-character limit named", async () => {
    const long = await call("pat", "POST", "/me/sharing/updates", { body: "x".repeat(1001) });
    expect(long.json().error).toMatchObject({
      fields: [{ path: "body", message: "Use at most 1,000 characters." }],
    });
    const created = (await call("pat", "POST", "/me/sharing/updates", { body: "  A good week.  " })).json();
    expect(created.body).toBe("A good week.");
    expect((await call("pat", "DELETE", `/me/sharing/updates/${created.id}`)).statusCode).toBe(204);
    expect((await call("pat", "GET", "/me/sharing")).json().updates).toEqual([]);
    expect((await call("pat", "POST", `/me/sharing/updates/${created.id}/restore`)).statusCode).toBe(204);
    expect((await call("pat", "GET", "/me/sharing")).json().updates).toEqual([
      expect.objectContaining({ id: created.id }),
    ]);
    // Someone else's update is not theirs to delete.
    expect((await call("sam", "DELETE", `/me/sharing/updates/${created.id}`)).statusCode).toBe(404);
  });

  it("another participant never sees Pat's people, list or updates, and cannot revoke for them", async () => {
    const sam = (await call("sam", "GET", "/me/sharing")).json();
    expect(sam.people.map((p: { name: string }) => p.name).sort()).toEqual(["Ari Friend", "Jo Existing"]);
    expect(sam.blocks).toEqual([]);
    expect(sam.updates).toEqual([]);
    const revoke = await call("sam", "POST", `/me/sharing/people/${ids.dana}/revocation`, {
      writtenStatement: "Not mine",
    });
    expect(revoke.statusCode).toBe(404);
    expect((await call("sam", "GET", `/participants/${ids.pat}/family`)).statusCode).toBe(404);
    const patBlock = (await call("pat", "GET", "/me/sharing")).json().blocks[0].id;
    expect((await call("sam", "DELETE", `/me/sharing/blocks/${patBlock}`)).statusCode).toBe(404);
  });

  it("the old invitation route no longer invites family members", async () => {
    const response = await call("pat", "POST", "/invitations", {
      kind: "family",
      email: "sneaky@test.bridgeway.example",
      displayName: "Sneaky",
      participantId: ids.pat,
      relationship: "friend",
    });
    expect(response.statusCode).toBe(400);
    expect(await mailTo("sneaky@test.bridgeway.example")).toHaveLength(0);
  });
});

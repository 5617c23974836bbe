import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, expect, it } from "vitest";
import { givenParticipant, givenSite, givenUser } from "../../../tests/support/given";
import { appHeaders, buildTestApp, signIn } from "../../../tests/support/test-app";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type { ConsentDraftInput } from "../../core/consents/consent.schema";
import { SYSTEM_CONTEXT } from "../audit/audit.service";
import { type DatabaseHandle, queryRows } from "../db/connection";
import { DisclosureRefused, discloseWithin } from "../disclosures/disclose";

/**
 * Consents end to end over HTTP on a real database: a counselor on Pat's care team drafts, the
 * participant signs in the app or staff record the paper form, a parent signs for a minor under the
 * site's rule, and a written revocation stops the very next disclosure.
 */

type Who = "pat" | "counselor" | "admin" | "outsider" | "colleagueNoManage";

describeEachEngine("consents", (engine) => {
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

  const complete = (over: Partial<ConsentDraftInput> = {}): ConsentDraftInput => ({
    kind: "named_recipient",
    patientName: "Pat Consent",
    disclosers: [{ type: "program", name: "Bridgeway IOP" }],
    informationScope: ["family_session_schedule", "attendance_summary"],
    informationDetail: "",
    recipients: [
      {
        kind: "person",
        name: "Alex Consent",
        relationship: "sister",
        email: "",
        coveredEntity: false,
        intermediaryParticipants: "",
        generalDesignationTreatingOnly: false,
      },
      {
        kind: "person",
        name: "Sam Consent",
        relationship: "father",
        email: "",
        coveredEntity: false,
        intermediaryParticipants: "",
        generalDesignationTreatingOnly: false,
      },
    ],
    purposes: ["family_involvement"],
    purposeDetail: "",
    expiresOn: "2026-09-01",
    expiryEvent: null,
    refusalConsequences: "",
    revocableAfter: null,
    ...over,
  });

  beforeAll(async () => {
    database = await openTestDatabase(engine);
    app = await buildTestApp(database, { now: () => new Date(current) });
    const site = await givenSite(database.db, "Consents Site");
    const other = await givenSite(database.db, "Consents Other Site");
    ids.site = site.id;
    for (const [name, role, siteName] of [
      ["counselor", "counselor", site.name],
      ["admin", "administrator", site.name],
      ["outsider", "clinical_director", other.name],
      ["colleagueNoManage", "prescriber", site.name],
    ] as const) {
      const user = await givenUser(database.db, {
        roles: [role],
        siteNames: [siteName],
        displayName: `Consents ${name}`,
      });
      ids[name] = user.id;
      cookies.set(name, (await signIn(app, user.email, user.password)).cookie);
    }
    const patUser = await givenUser(database.db, { kind: "participant", displayName: "Pat Consent" });
    ids.pat = (
      await givenParticipant(database.db, {
        siteId: site.id,
        givenName: "Pat",
        familyName: "Consent",
        userId: patUser.id,
        careTeam: [
          { userId: ids.counselor!, role: "primary_counselor" },
          { userId: ids.colleagueNoManage!, role: "prescriber" },
        ],
      })
    ).id;
    cookies.set("pat", (await signIn(app, patUser.email, patUser.password)).cookie);
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const draft = async (body: ConsentDraftInput) => {
    const res = await call("counselor", "POST", `/participants/${ids.pat}/consents`, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  it("a draft names each missing element; signing is refused with one field error per element", async () => {
    const created = await draft(complete({ patientName: "", recipients: [], expiresOn: null }));
    expect(created.state).toBe("draft");
    expect(created.missingElements.map((d: { element: string }) => d.element)).toEqual([
      "patient_name",
      "recipients",
      "expiry",
    ]);
    const refused = await call("counselor", "POST", `/consents/${created.id}/signatures`, {
      role: "patient",
      signerName: "Pat Consent",
    });
    expect(refused.statusCode).toBe(400);
    const error = refused.json().error;
    expect(error.code).toBe("CONSENT_INCOMPLETE");
    expect(error.fields.map((f: { path: string }) => f.path)).toEqual([
      "patientName",
      "recipients",
      "expiresOn",
    ]);
    expect(error.fields[0].message).toContain("§2.31(a)(1)");

    const updated = await call("counselor", "PUT", `/consents/${created.id}`, {
      ...complete(),
      version: created.version,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().missingElements).toEqual([]);

    const stale = await call("counselor", "PUT", `/consents/${created.id}`, {
      ...complete(),
      version: created.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("CONSENT_VERSION_CONFLICT");

    const signed = await call("counselor", "POST", `/consents/${created.id}/signatures`, {
      role: "patient",
      signerName: "Pat Consent",
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect(signed.json().state).toBe("in_force");
    expect(signed.json().documentText).toContain("Participant: Pat Consent — signed 2026-03-02");
    const audit = await queryRows<{ action: string }>(
      database.db,
      sql`select action from audit_events where resource_id = ${created.id} order by seq`,
    );
    expect(audit.map((a) => a.action)).toEqual(["consent.create", "consent.update", "consent.sign"]);
  });

  it("a minor under a parental-consent rule needs a parent's signature before the consent is signed", async () => {
    await database.db.execute(sql`update participants set born_on = '2010-06-01' where id = ${ids.pat}`);
    const rule = await call("admin", "PUT", `/sites/${ids.site}/minor-consent-rule`, {
      stateCode: "NY",
      ageOfMajority: 18,
      minorMayConsentFrom: null,
      parentalConsentRequired: true,
      notes: "Set by counsel.",
    });
    expect(rule.statusCode, rule.body).toBe(200);
    expect(rule.json().rule.updatedByName).toBe("Consents admin");

    const created = await draft(complete());
    expect(created.requiredSigners).toEqual(["patient", "parent_guardian"]);
    const mine = await call("pat", "GET", "/me/consents");
    const waiting = mine.json().consents.find((c: { id: string }) => c.id === created.id);
    expect(waiting.missingSigners).toEqual(["patient", "parent_guardian"]);

    const afterPatient = await call("pat", "POST", `/me/consents/${created.id}/sign`, {
      typedName: "  pat consent ",
    });
    expect(afterPatient.statusCode, afterPatient.body).toBe(200);
    expect(afterPatient.json().state).toBe("draft");
    expect(afterPatient.json().missingSigners).toEqual(["parent_guardian"]);

    const afterParent = await call("counselor", "POST", `/consents/${created.id}/signatures`, {
      role: "parent_guardian",
      signerName: "Maria Consent",
    });
    expect(afterParent.statusCode, afterParent.body).toBe(200);
    expect(afterParent.json().state).toBe("in_force");
    expect(
      afterParent
        .json()
        .signatures.map((s: { method: string }) => s.method)
        .sort(),
    ).toEqual(["electronic", "paper_on_file"]);
    await database.db.execute(sql`update participants set born_on = '1990-04-12' where id = ${ids.pat}`);
    await call("admin", "PUT", `/sites/${ids.site}/minor-consent-rule`, {
      stateCode: "NY",
      ageOfMajority: 18,
      minorMayConsentFrom: null,
      parentalConsentRequired: false,
      notes: "",
    });
  });

  it("an e-signature whose typed name does not match is a field error", async () => {
    const created = await draft(complete());
    const res = await call("pat", "POST", `/me/consents/${created.id}/sign`, { typedName: "Someone Else" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.fields).toEqual([
      { path: "typedName", message: "Type your full name as it is printed on the consent: Pat Consent." },
    ]);
  });

  it("a written revocation is effective on the next request: one recipient, then the whole consent", async () => {
    const created = await draft(complete());
    const signed = await call("counselor", "POST", `/consents/${created.id}/signatures`, {
      role: "patient",
      signerName: "Pat Consent",
    });
    const [alex, sam] = signed.json().recipients as { id: string; name: string }[];
    const request = (recipientId: string) =>
      discloseWithin(
        database.db,
        SYSTEM_CONTEXT,
        {
          participantId: ids.pat!,
          channel: "family_portal",
          purpose: "Family portal: schedule",
          information: ["family_session_schedule"],
          disclosedBy: null,
          basis: "consent",
          consentId: created.id,
          recipientId,
          at: new Date(current),
        } as Parameters<typeof discloseWithin>[2],
        async () => ({ sessions: [] }),
      );
    await expect(request(alex!.id)).resolves.toMatchObject({ disclosure: { consentId: created.id } });

    const partial = await call("pat", "POST", `/me/consents/${created.id}/revocations`, {
      recipientId: alex!.id,
      writtenStatement: `I no longer want ${alex!.name} to receive my information.`,
    });
    expect(partial.statusCode, partial.body).toBe(200);
    expect(partial.json().state).toBe("partly_revoked");
    tick();
    const refused = await request(alex!.id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DisclosureRefused);
    expect((refused as DisclosureRefused).problems).toEqual(["recipient_revoked"]);
    await expect(request(sam!.id)).resolves.toBeDefined();

    const whole = await call("counselor", "POST", `/consents/${created.id}/revocations`, {
      recipientId: null,
      writtenStatement: "Letter from Pat dated 2 March: I revoke this consent.",
    });
    expect(whole.statusCode, whole.body).toBe(200);
    expect(whole.json().state).toBe("revoked");
    tick();
    const after = await request(sam!.id).catch((e: unknown) => e);
    expect((after as DisclosureRefused).problems).toEqual(["revoked", "recipient_revoked"]);

    const again = await call("pat", "POST", `/me/consents/${created.id}/revocations`, {
      recipientId: null,
      writtenStatement: "Again.",
    });
    expect(again.json().error.code).toBe("CONSENT_ALREADY_REVOKED");
    const detail = await call("counselor", "GET", `/consents/${created.id}`);
    expect(detail.json().revocations.map((r: { method: string }) => r.method)).toEqual([
      "participant_app",
      "paper_recorded_by_staff",
    ]);
  });

  it("an oral request holds the consent until released; a materially false one is never used", async () => {
    const created = await draft(complete());
    await call("counselor", "POST", `/consents/${created.id}/signatures`, {
      role: "patient",
      signerName: "Pat",
    });
    const held = await call("counselor", "POST", `/consents/${created.id}/hold`, {
      heardBy: "Consents counselor",
      note: "Pat asked on the phone to stop sharing.",
    });
    expect(held.statusCode, held.body).toBe(200);
    expect(held.json().state).toBe("on_hold");
    expect(held.json().holdNote).toBe("Heard by Consents counselor: Pat asked on the phone to stop sharing.");
    const released = await call("counselor", "POST", `/consents/${created.id}/hold/release`);
    expect(released.json().state).toBe("in_force");
    const falseMark = await call("counselor", "POST", `/consents/${created.id}/materially-false`, {
      note: "The recipient named is not Pat's sister.",
    });
    expect(falseMark.json().state).toBe("materially_false");
  });

  it("a criminal-justice consent cannot be revoked before its revocable-after date", async () => {
    const created = await draft(
      complete({
        kind: "criminal_justice",
        purposes: ["criminal_justice_monitoring"],
        recipients: [
          {
            kind: "organisation",
            name: "County Probation",
            relationship: "",
            email: "",
            coveredEntity: false,
            intermediaryParticipants: "",
            generalDesignationTreatingOnly: false,
          },
        ],
        expiresOn: null,
        expiryEvent: "final_disposition",
        revocableAfter: "2026-06-01",
      }),
    );
    await call("counselor", "POST", `/consents/${created.id}/signatures`, {
      role: "patient",
      signerName: "Pat",
    });
    const res = await call("pat", "POST", `/me/consents/${created.id}/revocations`, {
      recipientId: null,
      writtenStatement: "I revoke.",
    });
    expect(res.json().error.code).toBe("CONSENT_NOT_REVOCABLE_YET");
  });

  it("staff of another site get 404; a care-team member without consents.manage gets 403", async () => {
    const created = await draft(complete());
    expect((await call("outsider", "GET", `/participants/${ids.pat}/consents`)).statusCode).toBe(404);
    expect((await call("outsider", "GET", `/consents/${created.id}`)).statusCode).toBe(404);
    expect((await call("outsider", "GET", `/sites/${ids.site}/minor-consent-rule`)).statusCode).toBe(404);
    expect(
      (
        await call("colleagueNoManage", "POST", `/consents/${created.id}/signatures`, {
          role: "patient",
          signerName: "Pat",
        })
      ).statusCode,
    ).toBe(403);
    const list = await call("colleagueNoManage", "GET", `/participants/${ids.pat}/consents`);
    expect(list.statusCode).toBe(200);
    expect(list.json().consents.length).toBeGreaterThan(0);
  });
});

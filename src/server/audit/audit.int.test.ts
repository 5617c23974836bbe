import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../../tests/support/cli";
import { describeEachEngine, openTestDatabase } from "../../../tests/support/test-database";
import type { DatabaseHandle } from "../db/connection";
import { openDatabase } from "../db/connection";
import { migrate } from "../db/migrate";
import { type AuditContext, recordAudit, verifyAuditChain } from "./audit.service";

const context: AuditContext = {
  actorUserId: null,
  actorKind: "staff",
  requestId: "req-1",
  ipAddress: "10.0.0.1",
  userAgent: "test",
};
const at = new Date("2026-11-23T10:00:00.123Z");
const entry = (n: number) => ({
  action: "participant.view",
  resourceType: "participant",
  resourceId: `r-${n}`,
  purpose: "treatment" as const,
  details: { n, note: "x" },
});

async function seedChain(database: DatabaseHandle, count: number) {
  for (let i = 1; i <= count; i++) await recordAudit(database.db, context, entry(i), at);
}

describeEachEngine("audit trail", (engine) => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await database.close();
  });

  it("chains every event to the one before and verifies the whole chain", async () => {
    await seedChain(database, 5);
    const verdict = await verifyAuditChain(database.db);
    expect(verdict).toEqual({ ok: true, events: 5 });
    const rows = await database.db.query.auditEvents.findMany({ orderBy: (e, { asc }) => asc(e.seq) });
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(rows[0]!.previousHash).toBe("0".repeat(64));
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.previousHash).toBe(rows[i - 1]!.hash);
  });

  it("keeps one unbroken chain when many requests append at once", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) => recordAudit(database.db, context, entry(100 + i), at)),
    );
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, events: 25 });
  });

  it("is append-only: the database itself refuses updates, deletes and truncation", async () => {
    const before = await verifyAuditChain(database.db);
    for (const statement of [
      sql`update audit_events set action = 'participant.nothing' where seq = 1`,
      sql`delete from audit_events where seq = 1`,
      sql`truncate audit_events`,
    ]) {
      const error = await database.db.execute(statement).then(
        () => undefined,
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
      expect(error).toMatch(/audit_events is append-only/);
    }
    expect(await verifyAuditChain(database.db)).toEqual(before);
  });

  it("names the first altered event when someone with the power to disable the guard edits one", async () => {
    await database.db.execute(sql`alter table audit_events disable trigger user`);
    try {
      await database.db.execute(sql`update audit_events set outcome = 'denied' where seq = 3`);
      expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, seq: 3, events: 2 });
      await database.db.execute(sql`update audit_events set outcome = 'allowed' where seq = 3`);
      expect(await verifyAuditChain(database.db)).toEqual({ ok: true, events: 25 });
      await database.db.execute(sql`delete from audit_events where seq = 4`);
      const verdict = await verifyAuditChain(database.db);
      expect(verdict).toMatchObject({ ok: false, seq: 4 });
      expect(verdict.ok ? "" : verdict.problem).toMatch(/missing/);
    } finally {
      await database.db.execute(sql`alter table audit_events enable trigger user`);
    }
  });
});

describe("bridgeway audit verify", () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bridgeway-audit-"));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("reports an intact chain, then the first broken link with exit code 1", {
    timeout: 60_000,
  }, async () => {
    const database = await openDatabase({ command: "test", dataDir, databaseUrl: undefined });
    await migrate(database.db);
    await seedChain(database, 3);
    await database.close();

    const ok = await runCli(["audit", "verify"], { DATA_DIR: dataDir });
    expect(ok.stderr).toBe("");
    expect(ok.stdout).toContain("Audit trail intact: 3 events");
    expect(ok.code).toBe(0);

    const again = await openDatabase({ command: "test", dataDir, databaseUrl: undefined });
    await again.db.execute(sql`alter table audit_events disable trigger user`);
    await again.db.execute(sql`update audit_events set ip_address = '10.6.6.6' where seq = 2`);
    await again.db.execute(sql`alter table audit_events enable trigger user`);
    await again.close();

    const broken = await runCli(["audit", "verify"], { DATA_DIR: dataDir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain("Audit trail BROKEN at event 2");
  });
});

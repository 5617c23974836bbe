import { createHash } from "node:crypto";
import { describeDevice } from "../../core/platform/user-agent";
import { canonicalJson, requiredSignatureRoles } from "../../core/treatment-plans/plan.rules";
import { type PlanContent, planContentSchema } from "../../core/treatment-plans/plan.schema";
import type { Signature, VersionDetail, VersionSummary } from "../../core/treatment-plans/plan-api.schema";
import type { Queryable } from "../db/connection";
import * as store from "./plans.sql";

/** A plan version as the API shows it, and the content and hash of what is signed. */

/** Content as stored: parsed by the one schema (a version never holds anything else). */
export const contentOf = (row: { content: unknown }): PlanContent => planContentSchema.parse(row.content);

/** The hash of exactly what is signed. */
export const contentHash = (content: PlanContent): string =>
  createHash("sha256").update(canonicalJson(content)).digest("hex");

const iso = (d: Date) => d.toISOString();

function toSignature(row: store.SignatureRow & { signerName: string }): Signature {
  return {
    role: row.role as Signature["role"],
    signer: { id: row.signerUserId, displayName: row.signerName },
    method: row.method as Signature["method"],
    typedName: row.typedName,
    signedAt: iso(row.signedAt),
    device: describeDevice(row.userAgent),
  };
}

/** Versions as the API shows them, with the names of the people involved and their signatures. */
export async function versionViews(q: Queryable, rows: readonly store.VersionRow[]) {
  const [names, signatures] = await Promise.all([
    store.findNames(
      q,
      rows.flatMap((r) => [r.createdBy, r.updatedBy, r.cosignerUserId].filter((id): id is string => !!id)),
    ),
    store.listSignatures(
      q,
      rows.map((r) => r.id),
    ),
  ]);
  const person = (id: string | null) => {
    const displayName = id ? names.get(id) : undefined;
    return id && displayName ? { id, displayName } : null;
  };
  const summary = (row: store.VersionRow): VersionSummary => ({
    id: row.id,
    planId: row.planId,
    number: row.number,
    status: row.status as VersionSummary["status"],
    startsOn: row.startsOn,
    language: row.language as VersionSummary["language"],
    revision: row.revision,
    cosigner: person(row.cosignerUserId),
    createdAt: iso(row.createdAt),
    createdBy: person(row.createdBy),
    updatedAt: iso(row.updatedAt),
    updatedBy: person(row.updatedBy),
    signedAt: row.signedAt ? iso(row.signedAt) : null,
    requiredRoles: requiredSignatureRoles(row.cosignerUserId),
    signatures: signatures.filter((s) => s.versionId === row.id).map(toSignature),
  });
  return {
    summary,
    detail: (row: store.VersionRow): VersionDetail => ({ ...summary(row), content: contentOf(row) }),
  };
}

export async function versionDetail(q: Queryable, row: store.VersionRow): Promise<VersionDetail> {
  return (await versionViews(q, [row])).detail(row);
}

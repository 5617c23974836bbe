import { createHash } from "node:crypto";

/**
 * Stable UUIDs (version-5 layout) for demo rows: the same seed gives the same ids, and the demo
 * organisation's id marks every row that belongs to the demo.
 */
export function demoUuid(name: string): string {
  const hex = createHash("sha1").update(`bridgeway-demo/${name}`).digest("hex");
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export const DEMO_ORGANISATION_ID = demoUuid("organisation");

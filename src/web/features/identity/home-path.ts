import type { UserKind } from "../../../core/identity/identity.schema";

/** Each kind of user has its own area. */
export function homePathFor(kind: UserKind): string {
  return kind === "staff" ? "/staff" : kind === "participant" ? "/me" : "/family";
}

import type { TFunction } from "i18next";
import { STAFF_ROLES } from "../../../core/identity/identity.schema";

/** The staff roles for a multi-select, named in the reader's language. */
export const roleOptions = (t: TFunction<"admin">) =>
  STAFF_ROLES.map((role) => ({ value: role, label: t(`roleNames.${role}`) }));

import type { adminEn } from "./admin.en";

type Dictionary<T> = { [K in keyof T]: T[K] extends string ? string : Dictionary<T[K]> };

/** Spanish strings of the administration and participant-record pages: exactly the English keys. */
export const adminEs: Dictionary<typeof adminEn> = {
  placeholder: "Administración",
};

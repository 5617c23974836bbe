import type { intakeEn } from "./intake.en";

type Dictionary<T> = { [K in keyof T]: T[K] extends string ? string : Dictionary<T[K]> };

/** Spanish strings of the staff admissions pages: exactly the English keys. */
export const intakeEs: Dictionary<typeof intakeEn> = {
  placeholder: "Admisiones",
};

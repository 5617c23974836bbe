/** English strings of the staff admissions pages: pipeline, referral, screening, admission (namespace "intake"). */
export const intakeEn = {
  placeholder: "Admissions",
};

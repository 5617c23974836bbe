/** English strings of the administration and participant-record pages (namespace "admin"). */
export const adminEn = {
  placeholder: "Administration",
};

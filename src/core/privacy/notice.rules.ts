import type { NoticeDelivery, NoticeSettings, NoticeStanding } from "./notice.schema";

/** Pure §2.22 delivery rules: where a participant stands with the current notice, and what is missing. */

type DeliveryFact = Pick<NoticeDelivery, "noticeVersion" | "acknowledgement" | "deliveredAt">;

/**
 * The standing with the current version: acknowledged (signed on paper or in the app) wins over
 * declined, which wins over given; a participant given only an older version has the new one due.
 */
export function deriveNoticeStanding(
  deliveries: readonly DeliveryFact[],
  currentVersion: string,
): NoticeStanding {
  const current = deliveries.filter((d) => d.noticeVersion === currentVersion);
  if (current.some((d) => d.acknowledgement === "signed")) return "acknowledged";
  if (current.some((d) => d.acknowledgement === "declined")) return "declined";
  if (current.length > 0) return "given";
  return deliveries.length > 0 ? "older_version" : "not_given";
}

/** The current notice still has to be given (the chart's "not yet given" banner, the admission prompt). */
export const isNoticeDue = (standing: NoticeStanding): boolean =>
  standing === "not_given" || standing === "older_version";

export type AcknowledgementRefusal = "NOTICE_VERSION_CHANGED" | "NOTICE_ALREADY_ACKNOWLEDGED";

/** A participant acknowledges the version they read, once; a newer version in force means read again. */
export function checkAcknowledgement(
  deliveries: readonly DeliveryFact[],
  readVersion: string,
  currentVersion: string,
): AcknowledgementRefusal | null {
  if (readVersion !== currentVersion) return "NOTICE_VERSION_CHANGED";
  return deriveNoticeStanding(deliveries, currentVersion) === "acknowledged"
    ? "NOTICE_ALREADY_ACKNOWLEDGED"
    : null;
}

/** The §2.22(b)(1)(vii) contact details an administrator has still to fill in. */
export function findMissingNoticeSettings(
  settings: NoticeSettings,
): ("contact" | "contactPhone" | "contactEmail")[] {
  const missing: ("contact" | "contactPhone" | "contactEmail")[] = [];
  if (settings.contactName === "" && settings.contactTitle === "") missing.push("contact");
  if (settings.contactPhone === "") missing.push("contactPhone");
  if (settings.contactEmail === "") missing.push("contactEmail");
  return missing;
}

import { describe, expect, it } from "vitest";
import {
  checkAcknowledgement,
  deriveNoticeStanding,
  findMissingNoticeSettings,
  isNoticeDue,
} from "./notice.rules";
import { DEFAULT_NOTICE_SETTINGS } from "./notice.schema";
import { composeNotice, NOTICE_PARTS, NOTICE_TEXT_VERSION, noticeVersionOf } from "./notice.text";

const at = "2026-03-01T10:00:00.000Z";
const v1 = "2026.1/2026-02-16";
const v2 = "2026.1/2026-06-01";

describe("where a participant stands with the current Patient Notice", () => {
  it("is not given, and due, when no version was ever delivered", () => {
    expect(deriveNoticeStanding([], v1)).toBe("not_given");
    expect(isNoticeDue("not_given")).toBe(true);
  });

  it("is due again when only an older version was given", () => {
    const standing = deriveNoticeStanding(
      [{ noticeVersion: v1, acknowledgement: "signed", deliveredAt: at }],
      v2,
    );
    expect(standing).toBe("older_version");
    expect(isNoticeDue(standing)).toBe(true);
  });

  it("is given but not yet acknowledged after an e-mailed copy", () => {
    const standing = deriveNoticeStanding(
      [{ noticeVersion: v1, acknowledgement: null, deliveredAt: at }],
      v1,
    );
    expect(standing).toBe("given");
    expect(isNoticeDue(standing)).toBe(false);
  });

  it("counts a refusal to sign as given (declined), and a later acknowledgement wins", () => {
    const declined = { noticeVersion: v1, acknowledgement: "declined" as const, deliveredAt: at };
    expect(deriveNoticeStanding([declined], v1)).toBe("declined");
    expect(
      deriveNoticeStanding([declined, { noticeVersion: v1, acknowledgement: "signed", deliveredAt: at }], v1),
    ).toBe("acknowledged");
  });
});

describe("acknowledging the notice", () => {
  it("is refused a second time for the same version", () => {
    expect(
      checkAcknowledgement([{ noticeVersion: v1, acknowledgement: "signed", deliveredAt: at }], v1, v1),
    ).toBe("NOTICE_ALREADY_ACKNOWLEDGED");
  });

  it("is refused when the participant read a version no longer in force", () => {
    expect(checkAcknowledgement([], v1, v2)).toBe("NOTICE_VERSION_CHANGED");
  });

  it("is allowed for the current version after acknowledging an older one", () => {
    expect(
      checkAcknowledgement([{ noticeVersion: v1, acknowledgement: "signed", deliveredAt: at }], v2, v2),
    ).toBeNull();
  });
});

describe("the notice text", () => {
  it("changes version when the administrator sets a new effective date", () => {
    expect(noticeVersionOf({ effectiveOn: "2026-02-16" })).toBe(`${NOTICE_TEXT_VERSION}/2026-02-16`);
    expect(noticeVersionOf({ effectiveOn: "2026-06-01" })).not.toBe(
      noticeVersionOf({ effectiveOn: "2026-02-16" }),
    );
  });

  it.each(["en", "es"] as const)(
    "has every part §2.22(b) lists, in %s, with the administrator's settings",
    (language) => {
      const settings = {
        ...DEFAULT_NOTICE_SETTINGS,
        programName: "Harbor IOP",
        contactName: "Ana Ruiz",
        contactPhone: "555-0100",
        contactEmail: "privacy@harbor.example",
        fundraises: true,
      };
      const notice = composeNotice(settings, language);
      expect(notice.sections.map((s) => s.key)).toEqual([...NOTICE_PARTS]);
      const text = notice.sections.flatMap((s) => [s.title, ...s.paragraphs]).join("\n");
      expect(text).toContain("Harbor IOP");
      expect(text).toContain("Ana Ruiz");
      expect(text).toContain("555-0100");
      expect(text).toContain("privacy@harbor.example");
      expect(text).toContain("2026-02-16");
      expect(text).toContain("1-800-368-1019");
      for (const section of notice.sections.filter((s) => s.key !== "header")) {
        expect(section.paragraphs.join("").length, section.key).toBeGreaterThan(20);
      }
    },
  );

  it("leaves the fundraising statement out when the program does not fundraise", () => {
    const keys = composeNotice(DEFAULT_NOTICE_SETTINGS, "en").sections.map((s) => s.key);
    expect(keys).not.toContain("fundraising");
    expect(keys).toContain("legal_proceedings");
  });

  it("names the contact details an administrator has still to fill in", () => {
    expect(findMissingNoticeSettings(DEFAULT_NOTICE_SETTINGS)).toEqual(["contactPhone", "contactEmail"]);
    expect(
      findMissingNoticeSettings({
        ...DEFAULT_NOTICE_SETTINGS,
        contactTitle: "",
        contactPhone: "1",
        contactEmail: "a@b.co",
      }),
    ).toEqual(["contact"]);
  });
});

import { describe, expect, it } from "vitest";
import { describeFeedEvent, type FeedSession, firstNameAndInitial } from "./calendar-feed.rules";
import { DEFAULT_CALENDAR_FEED_SETTINGS } from "./calendar-feed.schema";

const group: FeedSession = {
  kind: "group",
  trackName: "Morning dual-diagnosis",
  participant: null,
  staffNames: ["Dana Facilitator"],
  roomName: "Room 2",
  telehealth: false,
  videoLink: null,
  place: null,
};

const videoAppointment: FeedSession = {
  kind: "individual",
  trackName: null,
  participant: { givenName: "Robin", familyName: "tester" },
  staffNames: ["Dana Facilitator"],
  roomName: null,
  telehealth: true,
  videoLink: "https://video.example/room/42",
  place: null,
};

const detailed = { detail: "detailed", includeVideoLinks: false } as const;

describe("a feed event's text", () => {
  it("says only 'Group session' or 'Appointment' and the place by default, in staff and participant feeds", () => {
    for (const owner of ["staff", "participant"] as const) {
      expect(describeFeedEvent(group, owner, DEFAULT_CALENDAR_FEED_SETTINGS)).toEqual({
        summary: "Group session",
        location: "Room 2",
        description: "",
      });
      expect(describeFeedEvent(videoAppointment, owner, DEFAULT_CALENDAR_FEED_SETTINGS)).toEqual({
        summary: "Appointment",
        location: "Video session",
        description: "",
      });
    }
  });

  it("names the track, and in a staff feed the participant by first name and initial, when detailed", () => {
    expect(describeFeedEvent(group, "participant", detailed).summary).toBe("Morning dual-diagnosis");
    expect(describeFeedEvent(videoAppointment, "staff", detailed).summary).toBe(
      "Individual session: Robin T.",
    );
    expect(describeFeedEvent({ ...videoAppointment, kind: "family" }, "participant", detailed).summary).toBe(
      "Family session",
    );
    expect(describeFeedEvent(group, "staff", detailed).description).toBe("With Dana Facilitator");
  });

  it("writes the video link only when the program allows it, and only for a session held by video", () => {
    const withLinks = { detail: "private", includeVideoLinks: true } as const;
    expect(describeFeedEvent(videoAppointment, "participant", withLinks).description).toBe(
      "Join by video: https://video.example/room/42",
    );
    expect(describeFeedEvent(group, "participant", withLinks).description).toBe("");
  });

  it("falls back to the place in words when a session has neither a room nor video", () => {
    const outside = { ...group, roomName: null, place: " Community hall " };
    expect(describeFeedEvent(outside, "staff", DEFAULT_CALENDAR_FEED_SETTINGS).location).toBe(
      "Community hall",
    );
  });

  it("takes a whole letter as the initial, whatever its script", () => {
    expect(firstNameAndInitial({ givenName: " Zoë ", familyName: "Ólafsdóttir" })).toBe("Zoë Ó.");
    expect(firstNameAndInitial({ givenName: "Sam", familyName: "𝒳avier" })).toBe("Sam 𝒳.");
    expect(firstNameAndInitial({ givenName: "Sam", familyName: " " })).toBe("Sam");
  });
});

import { describe, expect, it } from "vitest";
import { messageLength, messageLengthProblem, messagePreview, nextReadMark } from "./messages.rules";
import { MESSAGE_BODY_MAX } from "./messages.schema";

describe("message length", () => {
  it.each([
    ["plain text", "hello", 5],
    ["an emoji is one character", "🙂", 1],
    ["accented letters", "señal", 5],
    ["empty", "", 0],
  ])("%s", (_name, body, expected) => {
    expect(messageLength(body)).toBe(expected);
  });

  it.each([
    ["at the limit", "a".repeat(MESSAGE_BODY_MAX), null],
    ["one over", "a".repeat(MESSAGE_BODY_MAX + 1), { length: MESSAGE_BODY_MAX + 1, max: MESSAGE_BODY_MAX }],
    ["emoji counted as one each", "🙂".repeat(MESSAGE_BODY_MAX), null],
  ])("%s", (_name, body, expected) => {
    expect(messageLengthProblem(body)).toEqual(expected);
  });
});

describe("message preview", () => {
  it.each([
    ["short text as is", "See you Tuesday", 120, "See you Tuesday"],
    ["line breaks become spaces", "Line one\n\nline   two", 120, "Line one line two"],
    ["long text cut with an ellipsis", "abcdefghij", 5, "abcd…"],
    ["never cuts an emoji in half", "🙂🙂🙂🙂🙂🙂", 3, "🙂🙂…"],
  ])("%s", (_name, body, max, expected) => {
    expect(messagePreview(body, max)).toBe(expected);
  });
});

describe("read mark", () => {
  const now = new Date("2026-03-02T15:00:00Z");
  it.each([
    ["the time given", "2026-03-02T14:00:00Z", null, "2026-03-02T14:00:00.000Z"],
    ["never in the future", "2026-03-02T16:00:00Z", null, "2026-03-02T15:00:00.000Z"],
    ["never moves back", "2026-03-02T13:00:00Z", "2026-03-02T14:30:00Z", "2026-03-02T14:30:00.000Z"],
    ["moves forward", "2026-03-02T14:45:00Z", "2026-03-02T14:30:00Z", "2026-03-02T14:45:00.000Z"],
  ])("%s", (_name, through, previous, expected) => {
    const mark = nextReadMark(new Date(through), previous ? new Date(previous) : null, now);
    expect(mark.toISOString()).toBe(expected);
  });
});

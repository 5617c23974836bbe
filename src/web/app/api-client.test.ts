import { describe, expect, it } from "vitest";
import { toApiError } from "./api-client";

describe("toApiError", () => {
  it("reads the server's error body: status, code, message and field errors", () => {
    const error = toApiError(400, "Bad Request", {
      error: {
        code: "VALIDATION_FAILED",
        message: "Some fields are not valid.",
        fields: [{ path: "email", message: "Enter a valid email address." }, { path: 3 }],
      },
    });
    expect(error).toMatchObject({
      status: 400,
      code: "VALIDATION_FAILED",
      message: "Some fields are not valid.",
    });
    expect(error.fields).toEqual([{ path: "email", message: "Enter a valid email address." }]);
  });

  it("still gives a usable error when the body is not the API's (a proxy's HTML page)", () => {
    expect(toApiError(502, "Bad Gateway", undefined)).toMatchObject({
      status: 502,
      code: "UNKNOWN",
      message: "Bad Gateway",
      fields: [],
    });
  });
});

import { describe, expect, it } from "vitest";
import { nextColorScheme } from "./preferences";

describe("nextColorScheme", () => {
  it("from following the device, the first press always changes what the screen looks like", () => {
    expect(nextColorScheme("auto", "light")).toBe("dark");
    expect(nextColorScheme("auto", "dark")).toBe("light");
  });

  it("cycles through all three choices and back to following the device", () => {
    expect(nextColorScheme("dark", "light")).toBe("light");
    expect(nextColorScheme("light", "light")).toBe("auto");
    expect(nextColorScheme("light", "dark")).toBe("dark");
    expect(nextColorScheme("dark", "dark")).toBe("auto");
  });
});

import { describe, expect, it } from "vitest";
import { nameMatches } from "./name-search.rules";

describe("typo-tolerant name search", () => {
  it.each([
    ["rob", "Robin Ambervale", true],
    ["ambervale", "Robin Ambervale", true],
    ["amberval", "Robin Ambervale", true],
    ["ambrevale", "Robin Ambervale", true],
    ["robin amber", "Robin Ambervale", true],
    ["jose", "José Peñaclara", true],
    ["penaclara", "José Peñaclara", true],
    ["penaclra", "José Peñaclara", true],
    ["rbo", "Robin Ambervale", false],
    ["robin birchwell", "Robin Ambervale", false],
    ["xyz", "Robin Ambervale", false],
    ["", "Robin Ambervale", false],
  ])("%s ~ %s → %s", (query, name, expected) => {
    expect(nameMatches(query, name)).toBe(expected);
  });
});

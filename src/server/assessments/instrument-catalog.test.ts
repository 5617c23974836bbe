import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { InstrumentDefinition } from "../../core/assessments/instrument";
import { INSTRUMENTS } from "../../core/assessments/registry";
import { loadInstrumentCatalog } from "./instrument-catalog";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bridgeway-instruments-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const definition = (key: string): InstrumentDefinition => ({
  key,
  url: `https://bridgeway.example/fhir/Questionnaire/${key}`,
  version: "1.0.0",
  loinc: { panel: null, total: null },
  audience: "any",
  items: [{ linkId: "1", kind: "boolean", required: true }],
  bands: [],
  totalRange: null,
  direction: null,
  licence: "free",
  credit: null,
  score: () => ({ ok: true, total: null, band: null, subscales: {}, flags: [], critical: [] }),
});
const write = (key: string, content: unknown) =>
  fs.writeFileSync(path.join(dir, `${key}.json`), JSON.stringify(content));
const questionnaire = (key: string, version = "1.0.0") => ({
  resourceType: "Questionnaire",
  url: `https://bridgeway.example/fhir/Questionnaire/${key}`,
  version,
  title: key,
  status: "active",
  item: [{ linkId: "1", type: "boolean", text: "Yes?" }],
});

describe("instrument catalog", () => {
  it("loads every shipped instrument's content", () => {
    const catalog = loadInstrumentCatalog();
    expect([...catalog.keys()].sort()).toEqual(INSTRUMENTS.map((i) => i.key).sort());
  });

  it("refuses to start on a missing, malformed or mismatched file, naming it", () => {
    write("good", questionnaire("good"));
    expect(loadInstrumentCatalog(dir, [definition("good")]).get("good")?.questionnaire.title).toBe("good");
    expect(() => loadInstrumentCatalog(dir, [definition("absent")])).toThrow(
      /absent\.json could not be read/,
    );
    write("broken", { ...questionnaire("broken"), item: [] });
    expect(() => loadInstrumentCatalog(dir, [definition("broken")])).toThrow(
      /broken\.json is not a usable Questionnaire: item/,
    );
    write("old", questionnaire("old", "0.9.0"));
    expect(() => loadInstrumentCatalog(dir, [definition("old")])).toThrow(
      /old\|0\.9\.0, but its scorer is .*old\|1\.0\.0/,
    );
  });
});

import i18n from "i18next";
import { aModule } from "../../../core/curriculum/curriculum.test-data";
import type { ModuleDetail, ModuleSummary } from "../../../core/curriculum/curriculum-api.schema";
import { curriculumEn } from "../../i18n/curriculum.en";
import { setUpAdminDom } from "../admin/admin-testing";

/** The shared jsdom set-up plus the "curriculum" namespace in English; jsdom lacks `document.fonts`, which growing text areas listen to. Tests only. */
export async function setUpCurriculumDom(): Promise<void> {
  await setUpAdminDom();
  if (!("fonts" in document))
    Object.defineProperty(document, "fonts", {
      configurable: true,
      value: { addEventListener: () => {}, removeEventListener: () => {} },
    });
  // jsdom lays nothing out; Mantine's dropdowns scroll the highlighted option into view.
  Element.prototype.scrollIntoView ??= () => {};
  i18n.addResourceBundle("en", "curriculum", curriculumEn, true, true);
}

export const aSummary = (key: string, overrides: Partial<ModuleSummary> = {}): ModuleSummary => {
  const m = aModule(key);
  return {
    key,
    category: m.category,
    suits: m.suits,
    title: m.title.en,
    summary: m.summary.en,
    durationMinutes: m.durationMinutes,
    skills: m.skills.map((s) => ({ key: s.key, name: s.name.en })),
    version: 0,
    source: "shipped",
    archived: false,
    ...overrides,
  };
};

export const aDetail = (key: string, overrides: Partial<ModuleDetail> = {}): ModuleDetail => ({
  key,
  version: 1,
  latestVersion: 1,
  source: "program",
  archived: false,
  module: aModule(key),
  versions: [
    {
      version: 1,
      source: "program",
      savedAt: "2026-11-20T15:00:00.000Z",
      savedBy: { id: "0b7d3c1e-5a8f-4f57-9d8a-2f6b1c9e7a10", name: "Dana Director" },
      archived: false,
    },
    { version: 0, source: "shipped", savedAt: null, savedBy: null, archived: false },
  ],
  ...overrides,
});

import { createInstance } from "i18next";
import { beforeAll, describe, expect, it } from "vitest";
import { ASAM_DIMENSIONS, ASAM_EDITIONS, LEVELS_OF_CARE } from "../../../core/admissions/level-of-care";
import { adminEn } from "../../i18n/admin.en";
import { adminEs } from "../../i18n/admin.es";
import { en } from "../../i18n/en";
import { es } from "../../i18n/es";
import { dimensionName, levelKey, levelLabel, levelName } from "./level-label";

const i18n = createInstance();
beforeAll(async () => {
  await i18n.init({
    resources: { en: { translation: en, admin: adminEn }, es: { translation: es, admin: adminEs } },
    lng: "en",
    fallbackLng: "en",
    showSupportNotice: false,
  });
});

describe("levelLabel", () => {
  it("names a level in English, the 4th edition first", () => {
    const t = i18n.getFixedT("en", "admin");
    expect(levelLabel("2.1", t)).toBe("2.1 · Intensive Outpatient");
    expect(levelLabel("1", t)).toBe("1 · Outpatient Services");
    expect(levelLabel("2.5", t, 3)).toBe("2.5 · Partial Hospitalization Services");
  });

  it("names a level in Spanish when the reader reads Spanish", () => {
    const t = i18n.getFixedT("es", "admin");
    expect(levelLabel("2.1", t)).toBe("2.1 · Ambulatorio intensivo");
    expect(levelLabel("1.5", t)).toBe("1.5 · Terapia ambulatoria");
    expect(levelLabel("2.5", t, 3)).toBe("2.5 · Servicios de hospitalización parcial");
    expect(levelLabel("4", t, 3)).toBe("4 · Hospitalización intensiva con manejo médico");
  });

  it("falls back to the code alone for a code no edition has", () => {
    expect(levelLabel("9.9", i18n.getFixedT("es", "admin"))).toBe("9.9");
    expect(levelName("9.9", i18n.getFixedT("en", "admin"))).toBeNull();
    expect(levelLabel("1.5", i18n.getFixedT("en", "admin"), 3)).toBe("1.5");
  });

  it("has the core's English name and a Spanish name for every level of every edition", () => {
    const tEn = i18n.getFixedT("en");
    const tEs = i18n.getFixedT("es");
    for (const edition of ASAM_EDITIONS) {
      for (const { code, name } of LEVELS_OF_CARE[edition]) {
        expect(levelName(code, tEn, edition)).toBe(name);
        const spanish = (es.levels[`asam${edition}`] as Record<string, string>)[levelKey(code)];
        expect(spanish, `${edition}/${code}`).toBeTruthy();
        expect(levelName(code, tEs, edition)).toBe(spanish);
      }
    }
  });
});

describe("dimensionName", () => {
  it("gives the core's English names and a Spanish name for every dimension of both editions", () => {
    const english = i18n.getFixedT("en", "intake");
    const spanish = i18n.getFixedT("es", "intake");
    for (const edition of ASAM_EDITIONS) {
      ASAM_DIMENSIONS[edition].forEach((name, i) => {
        expect(dimensionName(edition, i, english)).toBe(name);
        const translated = dimensionName(edition, i, spanish);
        expect(translated).not.toBe(name);
        expect(translated).not.toContain("dimensions.");
      });
    }
    expect(dimensionName(4, 2, spanish)).toBe("Condiciones psiquiátricas y cognitivas");
    expect(dimensionName(3, 9, english)).toBe("10");
  });
});

import type { FamilyResource } from "./module-content";

/** Languages the family learning content is written in (the app's languages). */
export const FAMILY_CONTENT_LANGUAGES = ["en", "es"] as const;
export type FamilyContentLanguage = (typeof FAMILY_CONTENT_LANGUAGES)[number];

/** The keys of the resources, in the order they are shown (crisis lines first). */
export const FAMILY_RESOURCE_KEYS = [
  "crisis-988",
  "emergency-911",
  "samhsa-helpline",
  "domestic-violence-hotline",
  "al-anon",
  "nar-anon",
  "smart-family-friends",
  "naloxone",
] as const;

const CALL_988 = { dial: "988", display: "988", text: true };
const CALL_911 = { dial: "911", display: "911", text: false };
const SAMHSA = { dial: "18006624357", display: "1-800-662-4357", text: false };
const NDVH = { dial: "18007997233", display: "1-800-799-7233", text: false };

/**
 * Help for family members in the United States, as typed data: only names and numbers that are sure
 * (no web addresses), each with a plain description.
 */
export const FAMILY_RESOURCES: Readonly<Record<FamilyContentLanguage, readonly FamilyResource[]>> = {
  en: [
    {
      key: "crisis-988",
      name: "988 Suicide & Crisis Lifeline",
      description:
        "Call or text 988, any hour, for yourself or someone else in a mental health, substance use or suicide crisis. Free and confidential.",
      phone: CALL_988,
    },
    {
      key: "emergency-911",
      name: "911",
      description: "When someone is in immediate danger, or may be having an overdose.",
      phone: CALL_911,
    },
    {
      key: "samhsa-helpline",
      name: "SAMHSA National Helpline",
      description:
        "Free, confidential information and referrals to treatment and support groups, in English and Spanish, any hour.",
      phone: SAMHSA,
    },
    {
      key: "domestic-violence-hotline",
      name: "National Domestic Violence Hotline",
      description:
        "Confidential help any hour if someone is hurting, threatening or controlling you, including help to make a safety plan.",
      phone: NDVH,
    },
    {
      key: "al-anon",
      name: "Al-Anon",
      description:
        "Free mutual-help meetings for family and friends of people who drink, in person and online. Search for the name to find a meeting near you.",
      phone: null,
    },
    {
      key: "nar-anon",
      name: "Nar-Anon",
      description:
        "Free mutual-help meetings for family and friends of people who use drugs. Search for the name to find a meeting.",
      phone: null,
    },
    {
      key: "smart-family-friends",
      name: "SMART Recovery Family & Friends",
      description:
        "Practical, skills-based meetings for people who care about someone with a substance use problem, in person and online.",
      phone: null,
    },
    {
      key: "naloxone",
      name: "Naloxone (Narcan)",
      description:
        "Reverses an opioid overdose for a time. In the United States it is sold at pharmacies without a prescription: ask any pharmacist where to find it.",
      phone: null,
    },
  ],
  es: [
    {
      key: "crisis-988",
      name: "988 Línea de Prevención del Suicidio y Crisis",
      description:
        "Llama o envía un mensaje de texto al 988, a cualquier hora, por ti o por otra persona en una crisis de salud mental, de consumo o de suicidio. Gratuita y confidencial.",
      phone: CALL_988,
    },
    {
      key: "emergency-911",
      name: "911",
      description: "Cuando alguien corre peligro inmediato o puede estar sufriendo una sobredosis.",
      phone: CALL_911,
    },
    {
      key: "samhsa-helpline",
      name: "Línea Nacional de Ayuda de SAMHSA",
      description:
        "Información gratuita y confidencial y derivación a tratamiento y grupos de apoyo, en inglés y en español, a cualquier hora.",
      phone: SAMHSA,
    },
    {
      key: "domestic-violence-hotline",
      name: "Línea Nacional contra la Violencia Doméstica",
      description:
        "Ayuda confidencial a cualquier hora si alguien te hace daño, te amenaza o te controla, incluida ayuda para hacer un plan de seguridad.",
      phone: NDVH,
    },
    {
      key: "al-anon",
      name: "Al-Anon",
      description:
        "Reuniones gratuitas de ayuda mutua para familiares y amigos de personas que beben, en persona y en línea. Busca el nombre para encontrar una reunión cerca de ti.",
      phone: null,
    },
    {
      key: "nar-anon",
      name: "Nar-Anon",
      description:
        "Reuniones gratuitas de ayuda mutua para familiares y amigos de personas que consumen drogas. Busca el nombre para encontrar una reunión.",
      phone: null,
    },
    {
      key: "smart-family-friends",
      name: "SMART Recovery Family & Friends",
      description:
        "Reuniones prácticas, basadas en habilidades, para quienes quieren a alguien con un problema de consumo, en persona y en línea.",
      phone: null,
    },
    {
      key: "naloxone",
      name: "Naloxona (Narcan)",
      description:
        "Revierte por un tiempo una sobredosis de opioides. En Estados Unidos se vende en farmacias sin receta: pregunta a cualquier farmacéutico dónde encontrarla.",
      phone: null,
    },
  ],
};

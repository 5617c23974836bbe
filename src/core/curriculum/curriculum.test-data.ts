import type { CurriculumModule } from "./module.schema";

const both = (en: string, es: string) => ({ en, es });

/** A valid module for tests, its key and skill keys derived from `key` unless given. */
export function aModule(
  key = "urge-surfing-test",
  overrides: Partial<CurriculumModule> = {},
): CurriculumModule {
  return {
    key,
    category: "relapse_prevention",
    suits: ["adult", "adolescent"],
    durationMinutes: 90,
    title: both(`Riding the urge (${key})`, `Surfear la urgencia (${key})`),
    summary: both(
      "Notice a craving rise and fall without acting on it.",
      "Notar cómo sube y baja un antojo sin actuar.",
    ),
    goals: [
      both("Describe a craving as a wave that passes.", "Describir un antojo como una ola que pasa."),
      both(
        "Practise staying with an urge for ten minutes.",
        "Practicar quedarse con una urgencia diez minutos.",
      ),
    ],
    outline: {
      opening: {
        minutes: 15,
        text: both("Each person names one moment this week.", "Cada persona nombra un momento de la semana."),
      },
      teaching: {
        minutes: 30,
        points: [
          both(
            "Urges peak and fade, usually within half an hour.",
            "Las urgencias suben y bajan, casi siempre en media hora.",
          ),
          both(
            "Fighting an urge can feed it; noticing lets it pass.",
            "Pelear con la urgencia la alimenta; notarla la deja pasar.",
          ),
        ],
      },
      practice: {
        minutes: 30,
        text: both(
          "A guided ten-minute practice in pairs.",
          "Una práctica guiada de diez minutos en parejas.",
        ),
      },
      closing: {
        minutes: 15,
        text: both("One word about how the practice felt.", "Una palabra sobre cómo se sintió la práctica."),
      },
    },
    handout: {
      title: both("Riding the wave", "Montar la ola"),
      body: both(
        "An urge is like a wave.\n\n- Notice where you feel it.\n- Breathe and watch it change.",
        "Una urgencia es como una ola.\n\n- Nota dónde la sientes.\n- Respira y mira cómo cambia.",
      ),
    },
    practiceAssignment: both(
      "Once a day, rate an urge from 0 to 10 before and after ten minutes.",
      "Una vez al día, califica una urgencia de 0 a 10 antes y después de diez minutos.",
    ),
    skills: [{ key: `${key}-skill`, name: both(`Surfing (${key})`, `Surfear (${key})`) }],
    ...overrides,
  };
}

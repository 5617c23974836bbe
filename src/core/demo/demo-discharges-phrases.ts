import type { Meeting } from "../aftercare/aftercare-plan.schema";

/**
 * Words and places of the demo's discharges, aftercare plans and alumni program (issue 11). Every
 * provider, meeting, address and person is made up: addresses on example streets, phone numbers in the
 * 555-01xx range reserved for fiction, web addresses under example.org.
 */

export type DemoLanguage = "en" | "es";

export interface DemoProvider {
  name: string;
  clinician: string;
  address: string;
  phone: string;
  /** The program's own outpatient service. */
  here: boolean;
}

/** Outpatient and other providers a plan steps down to, one list per site. */
export const DEMO_STEP_DOWN_PROVIDERS: readonly (readonly DemoProvider[])[] = [
  [
    {
      name: "Harbor Light Recovery — Riverside outpatient (ASAM 1.0)",
      clinician: "Outpatient intake team",
      address: "410 Example Avenue, Suite 2, Riverside",
      phone: "(555) 010-4420",
      here: true,
    },
    {
      name: "Cedar Grove Counseling",
      clinician: "Dana Whitfield, LCSW",
      address: "88 Sample Street, Riverside",
      phone: "(555) 010-4471",
      here: false,
    },
    {
      name: "Lakeview Behavioral Health",
      clinician: "Intake coordinator",
      address: "1200 Placeholder Road, Building C, Riverside",
      phone: "(555) 010-4482",
      here: false,
    },
  ],
  [
    {
      name: "Harbor Light Recovery — Northgate outpatient (ASAM 1.0)",
      clinician: "Adolescent outpatient team",
      address: "27 Demo Lane, Northgate",
      phone: "(555) 010-4430",
      here: true,
    },
    {
      name: "Northgate Family Counseling Center",
      clinician: "Priya Raman, LPC",
      address: "5 Fictional Court, Northgate",
      phone: "(555) 010-4493",
      here: false,
    },
  ],
];

/** Higher levels of care a transfer goes to (residential 3.5, partial hospitalization 2.5). */
export const DEMO_TRANSFER_PROVIDERS = [
  {
    level: "3.5",
    name: "Stillwater Residential Recovery",
    address: "300 Example Way, Stillwater",
    phone: "(555) 010-4511",
  },
  {
    level: "2.5",
    name: "Bayside Partial Hospitalization Program",
    address: "19 Sample Plaza, Bayside",
    phone: "(555) 010-4522",
  },
] as const;

export const DEMO_MEETINGS: readonly Meeting[] = [
  {
    kind: "aa",
    name: "Tuesday Night Big Book",
    weekday: "tuesday",
    time: "19:30",
    place: "Grace Community Hall, 14 Example Street",
  },
  { kind: "aa", name: "Early Risers", weekday: "saturday", time: "07:00", place: "Riverside Library annex" },
  {
    kind: "na",
    name: "Just for Today",
    weekday: "wednesday",
    time: "20:00",
    place: "St. Example's basement, 3 Sample Road",
  },
  {
    kind: "na",
    name: "Clean and Serene",
    weekday: "sunday",
    time: "18:00",
    place: "Online (link from the group's page)",
  },
  {
    kind: "smart",
    name: "SMART Recovery at the library",
    weekday: "thursday",
    time: "18:00",
    place: "Northgate Public Library, room 2",
  },
  {
    kind: "celebrate_recovery",
    name: "Friday Celebrate Recovery",
    weekday: "friday",
    time: "19:00",
    place: "Harborview Chapel",
  },
  {
    kind: "refuge_recovery",
    name: "Refuge Recovery sitting",
    weekday: "monday",
    time: "19:00",
    place: "Community wellness center",
  },
];

export const DEMO_SOBER_LIVING = [
  { name: "Maple House (sober living)", address: "62 Example Terrace, Riverside" },
  { name: "Second Wind Recovery Residence", address: "9 Sample Circle, Northgate" },
] as const;

export const DEMO_PRESCRIBERS = [
  { name: "Dr. Imani Brooks (addiction medicine)", phone: "(555) 010-4601" },
  { name: "Dr. Tomas Varga (family medicine)", phone: "(555) 010-4612" },
] as const;

export const DEMO_RESOURCES = [
  { name: "988 Suicide & Crisis Lifeline", phone: "988", url: "", notes: "Call or text, any time." },
  {
    name: "Riverside Recovery Community Center",
    phone: "(555) 010-4700",
    url: "https://recovery-center.example.org",
    notes: "Drop-in peer support.",
  },
  {
    name: "County job center",
    phone: "(555) 010-4711",
    url: "https://jobs.example.org",
    notes: "Résumé help on Wednesdays.",
  },
] as const;

export const AFTERCARE_GOALS: Record<DemoLanguage, readonly string[]> = {
  en: [
    "Go to two meetings a week and call my sponsor before the weekend.",
    "Keep my first outpatient appointment and tell them about my triggers at work.",
    "Take my medication every morning and keep my phone list on the fridge.",
    "Walk after work instead of stopping at the bar; check in with the alumni group.",
  ],
  es: [
    "Ir a dos reuniones por semana y llamar a mi padrino antes del fin de semana.",
    "Ir a mi primera cita de consulta externa y hablar de lo que me provoca en el trabajo.",
    "Tomar mi medicamento cada mañana y tener mi lista de teléfonos en la nevera.",
    "Caminar después del trabajo en lugar de pasar por el bar; ir al grupo de exalumnos.",
  ],
};

/** The note a discharge for an `other` reason carries. */
export const OTHER_DISCHARGE_NOTES = [
  "Moved out of state for a new job; given a list of programs near the new address.",
  "Insurance coverage ended and the participant declined a payment plan.",
  "Work schedule changed to evenings; will call when it settles.",
] as const;

export const DISCHARGE_NOTES: Partial<Record<string, readonly string[]>> = {
  incarcerated: ["Taken into custody; the program was told by the participant's family."],
  died: ["The program was told of the participant's death by a family member."],
  administrative: ["Discharged after repeated missed sessions and no contact despite outreach."],
};

export const ALUMNI_CHECK_IN_NOTES: Record<DemoLanguage, readonly string[]> = {
  en: [
    "Good week.",
    "Busy at work but okay.",
    "Went to the Thursday group.",
    "Hard weekend, called my sponsor.",
    "",
  ],
  es: [
    "Buena semana.",
    "Mucho trabajo pero bien.",
    "Fui al grupo del jueves.",
    "Fin de semana difícil, llamé a mi padrino.",
    "",
  ],
};

export const ALUMNI_EVENTS = [
  {
    kind: "event",
    title: "Alumni summer picnic",
    description: "Food, games and families welcome.",
    hours: 3,
    location: "Riverside Park pavilion 2",
  },
  {
    kind: "event",
    title: "Recovery Month celebration",
    description: "Stories from alumni and a shared meal.",
    hours: 2,
    location: "Main building, community room",
  },
  {
    kind: "event",
    title: "Sober bowling night",
    description: "Shoes included. Bring a friend in recovery.",
    hours: 2,
    location: "Lucky Lanes, 40 Example Boulevard",
  },
] as const;

export const ALUMNI_THREADS: Record<
  DemoLanguage,
  readonly { subject: string; messages: readonly string[] }[]
> = {
  en: [
    {
      subject: "Coming to the alumni group",
      messages: [
        "Hi, is the Thursday alumni group still on? I would like to come back.",
        "It is, every Thursday at 18:30. We would be glad to see you. Do you want a reminder the day before?",
        "Yes please. Thank you.",
      ],
    },
    {
      subject: "Help finding a counselor",
      messages: [
        "My outpatient counselor is leaving. Do you know someone near Northgate?",
        "I can send you two names that take your insurance. Would a call this week help?",
      ],
    },
  ],
  es: [
    {
      subject: "Volver al grupo de exalumnos",
      messages: [
        "Hola, ¿sigue el grupo de exalumnos los jueves? Me gustaría volver.",
        "Sí, todos los jueves a las 18:30. Nos alegrará verle. ¿Quiere un recordatorio el día antes?",
        "Sí, por favor. Gracias.",
      ],
    },
  ],
};

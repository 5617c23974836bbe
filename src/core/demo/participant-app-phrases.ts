/**
 * Words of the demo's participant app: what people write in their check-ins, plans, reflections and
 * messages, in English and Spanish. All fictional and written for this demo; short and plain, as
 * people write on a phone.
 */

export type Language = "en" | "es";
export type Bilingual = Record<Language, readonly string[]>;

/** "One thing that went well". */
export const WENT_WELL: Bilingual = {
  en: [
    "Called my sister instead of going out.",
    "Made it to work on time all week.",
    "Cooked dinner for the kids.",
    "Took a long walk after group.",
    "Slept through the night for once.",
    "Went to a meeting on my own.",
    "Said no to a drink at the cookout.",
    "Paid a bill I had been putting off.",
    "Laughed a lot with my roommate.",
    "Finished the worksheet from group.",
    "Got outside in the sun at lunch.",
    "Talked to my sponsor for an hour.",
    "Fixed the bike and rode to the store.",
    "Kept my temper when my boss was rude.",
    "Played cards with my dad.",
    "Went to the gym before work.",
  ],
  es: [
    "Llamé a mi hermana en vez de salir.",
    "Llegué a tiempo al trabajo toda la semana.",
    "Hice la cena para mis hijos.",
    "Di una caminata larga después del grupo.",
    "Dormí toda la noche, por fin.",
    "Fui a una reunión por mi cuenta.",
    "Dije que no a una cerveza en la fiesta.",
    "Pagué una cuenta que tenía pendiente.",
    "Me reí mucho con mi compañero de casa.",
    "Terminé la hoja de trabajo del grupo.",
    "Salí a tomar el sol a la hora del almuerzo.",
    "Hablé con mi padrino una hora.",
    "Arreglé la bici y fui en ella a la tienda.",
    "No perdí la calma cuando mi jefe fue grosero.",
  ],
};

/** Triggers a person lists in their recovery plan. */
export const PLAN_TRIGGERS: Bilingual = {
  en: [
    "Payday",
    "Being alone at night",
    "Arguments at home",
    "Friends from the old crowd",
    "Feeling bored on weekends",
    "Stress at work",
    "Not sleeping well",
    "Driving past the old bar",
    "Pain in my back",
    "Holidays and family gatherings",
  ],
  es: [
    "El día de pago",
    "Estar solo por la noche",
    "Las peleas en casa",
    "Los amigos de antes",
    "El aburrimiento los fines de semana",
    "El estrés en el trabajo",
    "Dormir mal",
    "Pasar por el bar de siempre",
    "El dolor de espalda",
    "Las fiestas y reuniones familiares",
  ],
};

/** Triggers written in the check-in's own-words box. */
export const OWN_WORDS_TRIGGERS: Bilingual = {
  en: ["Ran into an old friend", "Bad news about my case", "Saw it on TV", "Long wait at the clinic"],
  es: [
    "Me encontré con un viejo amigo",
    "Malas noticias de mi caso",
    "Lo vi en la tele",
    "Mucha espera en la clínica",
  ],
};

/** The optional detail on a day with use. */
export const USE_DETAILS: Bilingual = {
  en: [
    "After the argument, at a friend's place.",
    "A couple, then I stopped and went home.",
    "Late at night, alone.",
    "At a party; I left early.",
  ],
  es: [
    "Después de la pelea, en casa de un amigo.",
    "Un poco, luego paré y me fui a casa.",
    "Tarde en la noche, a solas.",
    "En una fiesta; me fui temprano.",
  ],
};

/** What a person writes when they restart their days-in-recovery counter after a lapse. */
export const RESTART_MESSAGES: Bilingual = {
  en: [
    "Starting again today. One bad day does not undo the work.",
    "Back at day one, and still here. Tomorrow is a new count.",
    "I slipped. I told my counselor and I am starting over.",
  ],
  es: [
    "Empiezo de nuevo hoy. Un mal día no borra lo que he logrado.",
    "Vuelvo al día uno, y sigo aquí. Mañana es otra cuenta.",
    "Tuve una recaída. Se lo conté a mi consejero y vuelvo a empezar.",
  ],
};

/** A short reflection on the practice after a group session. */
export const REFLECTIONS: Bilingual = {
  en: [
    "Tried it twice this week. Easier the second time.",
    "Hard to find a quiet moment, but I did it at lunch.",
    "Wrote it down before bed. It helped me see the pattern.",
    "Did it with my wife. She had good ideas.",
    "It felt silly at first, then it worked.",
    "Used it when a craving hit on the bus.",
    "I only did half, but I want to keep going.",
    "Made a list and put it on the fridge.",
  ],
  es: [
    "Lo intenté dos veces esta semana. La segunda fue más fácil.",
    "Me costó encontrar un rato tranquilo, pero lo hice en el almuerzo.",
    "Lo escribí antes de dormir. Me ayudó a ver el patrón.",
    "Lo hice con mi esposa. Tuvo buenas ideas.",
    "Al principio me pareció raro, luego funcionó.",
    "Lo usé cuando me dieron ganas en el autobús.",
    "Solo hice la mitad, pero quiero seguir.",
    "Hice una lista y la puse en el refrigerador.",
  ],
};

/** The recovery plan's other sections (triggers above). */
export const RECOVERY_SECTIONS = {
  warningSigns: {
    en: ["Skipping meals", "Not answering my phone", "Thinking one would be fine", "Staying up late"],
    es: ["Saltarme comidas", "No contestar el teléfono", "Pensar que una no pasa nada", "Desvelarme"],
  },
  copingResponses: {
    en: ["Call someone on my list", "Go for a walk", "Wait 20 minutes and ride the urge", "Go to a meeting"],
    es: [
      "Llamar a alguien de mi lista",
      "Salir a caminar",
      "Esperar 20 minutos y dejar pasar las ganas",
      "Ir a una reunión",
    ],
  },
  reasonsForRecovery: {
    en: ["My kids", "Keeping my job", "Feeling clear in the morning", "My health"],
    es: ["Mis hijos", "Conservar mi trabajo", "Despertar con la mente clara", "Mi salud"],
  },
} as const satisfies Record<string, Bilingual>;

/** The safety plan's sections. */
export const SAFETY_SECTIONS = {
  warningSigns: {
    en: ["Not wanting to get out of bed", "Feeling like a burden", "Pulling away from everyone"],
    es: ["No querer levantarme", "Sentir que soy una carga", "Alejarme de todos"],
  },
  thingsICanDo: {
    en: ["Take a shower and put music on", "Walk the dog", "Write down what I am feeling"],
    es: ["Darme una ducha y poner música", "Sacar a pasear al perro", "Escribir lo que siento"],
  },
  peopleAndPlaces: {
    en: ["The library", "My cousin's house", "The Tuesday evening meeting"],
    es: ["La biblioteca", "La casa de mi prima", "La reunión de los martes"],
  },
  saferSurroundings: {
    en: ["My sister keeps my medication and gives me a week at a time", "No alcohol in the house"],
    es: ["Mi hermana guarda mis medicinas y me da una semana a la vez", "Nada de alcohol en casa"],
  },
  reasonsForLiving: {
    en: ["My daughter", "Seeing my nephew grow up", "The garden this spring"],
    es: ["Mi hija", "Ver crecer a mi sobrino", "El jardín esta primavera"],
  },
} as const satisfies Record<string, Bilingual>;

/** People to call (fictional names; numbers in the 555-01xx range reserved for fiction). */
export const SUPPORT_PEOPLE = [
  { name: "Dana (sister)", phone: "555-0142" },
  { name: "Luis (sponsor)", phone: "555-0177" },
  { name: "Mom", phone: "555-0113" },
  { name: "Jordan (friend from group)", phone: "555-0168" },
] as const;

/** A message thread: its subject, who starts it, and the exchange. */
export interface ThreadScript {
  key: string;
  subject: string;
  /** "p": the participant writes; "s": the counselor. */
  lines: readonly { by: "p" | "s"; text: string }[];
}

export const THREAD_SCRIPTS: Record<Language, readonly ThreadScript[]> = {
  en: [
    {
      key: "reschedule",
      subject: "Moving our Thursday session",
      lines: [
        { by: "p", text: "Hi, I picked up an extra shift Thursday. Could we meet Friday morning instead?" },
        { by: "s", text: "Thanks for letting me know early. Friday at 10 works. See you then." },
        { by: "p", text: "Great, thank you." },
      ],
    },
    {
      key: "homework",
      subject: "Question about the worksheet",
      lines: [
        { by: "p", text: "For the worksheet from group, do I write about this week or any time?" },
        {
          by: "s",
          text: "This week is best, even small moments count. Bring it Monday and we'll go over it.",
        },
      ],
    },
    {
      key: "low",
      subject: "Rough few days",
      lines: [
        { by: "p", text: "The last few days have been heavy. Not using, just tired and down." },
        {
          by: "s",
          text: "Thank you for telling me. Could we talk by phone tomorrow at 2? If things feel unsafe before then, use the crisis button or call 988.",
        },
        { by: "p", text: "Tomorrow at 2 is good." },
      ],
    },
    {
      key: "check",
      subject: "Checking in after group",
      lines: [
        { by: "s", text: "You shared a lot in group yesterday. How are you doing today?" },
        { by: "p", text: "Better. It helped to say it out loud." },
      ],
    },
    {
      key: "letter",
      subject: "Letter for my employer",
      lines: [
        { by: "p", text: "My work needs a letter saying I attend the evening program. Can you help?" },
        { by: "s", text: "Yes. I'll have it ready at the front desk on Tuesday." },
      ],
    },
  ],
  es: [
    {
      key: "reschedule",
      subject: "Cambiar la sesión del jueves",
      lines: [
        { by: "p", text: "Hola, me tocó un turno extra el jueves. ¿Podemos vernos el viernes en la mañana?" },
        { by: "s", text: "Gracias por avisar con tiempo. El viernes a las 10 está bien. Nos vemos." },
        { by: "p", text: "Perfecto, gracias." },
      ],
    },
    {
      key: "homework",
      subject: "Pregunta sobre la hoja de trabajo",
      lines: [
        { by: "p", text: "En la hoja del grupo, ¿escribo sobre esta semana o sobre cualquier momento?" },
        {
          by: "s",
          text: "Mejor sobre esta semana; los momentos pequeños también cuentan. Tráela el lunes y la vemos.",
        },
      ],
    },
    {
      key: "low",
      subject: "Unos días difíciles",
      lines: [
        { by: "p", text: "Estos días han sido pesados. No he consumido, pero estoy cansado y triste." },
        {
          by: "s",
          text: "Gracias por contármelo. ¿Hablamos por teléfono mañana a las 2? Si antes sientes que no estás a salvo, usa el botón de crisis o llama al 988.",
        },
        { by: "p", text: "Mañana a las 2 está bien." },
      ],
    },
    {
      key: "check",
      subject: "¿Cómo sigues después del grupo?",
      lines: [
        { by: "s", text: "Ayer compartiste mucho en el grupo. ¿Cómo te sientes hoy?" },
        { by: "p", text: "Mejor. Me ayudó decirlo en voz alta." },
      ],
    },
    {
      key: "letter",
      subject: "Carta para mi trabajo",
      lines: [
        { by: "p", text: "En mi trabajo piden una carta que diga que asisto al programa. ¿Me ayudas?" },
        { by: "s", text: "Sí. La dejo lista en recepción el martes." },
      ],
    },
  ],
};

/** The note with a request to be excused, by reason. */
export const ABSENCE_NOTES: Record<
  Language,
  Record<"illness" | "work" | "family" | "transport" | "appointment", string>
> = {
  en: {
    illness: "Fever since last night.",
    work: "Mandatory shift change this week.",
    family: "My son's school meeting.",
    transport: "My car is in the shop.",
    appointment: "Dentist appointment I could not move.",
  },
  es: {
    illness: "Tengo fiebre desde anoche.",
    work: "Cambio de turno obligatorio esta semana.",
    family: "Reunión en la escuela de mi hijo.",
    transport: "Mi carro está en el taller.",
    appointment: "Cita con el dentista que no pude cambiar.",
  },
};

/** The counselor's note when declining, in the participant's language: kind and practical. */
export const DECLINE_NOTES: Bilingual = {
  en: [
    "This is the session on relapse warning signs; could you join by video instead?",
    "We have already excused two sessions this month; let's talk about the schedule on Monday.",
  ],
  es: [
    "Es la sesión sobre señales de alerta de recaída; ¿podrías unirte por video?",
    "Ya justificamos dos sesiones este mes; hablemos del horario el lunes.",
  ],
};

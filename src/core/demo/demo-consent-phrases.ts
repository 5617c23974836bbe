/**
 * Words of the demo's consents and family data, in English and Spanish: what participants write for
 * the people they share with, what family members and counselors say in their threads, family
 * members' own check-ins and exercise answers, and written revocations. All invented for the demo.
 */

export type DemoLanguage = "en" | "es";

/** Updates a participant writes for the people they share with, in their own words. */
export const SHARED_UPDATES: Record<DemoLanguage, readonly string[]> = {
  en: [
    "This week I made it to every group. Tuesday was hard, but I stayed for the whole session.",
    "I'm sleeping better and I've started walking in the mornings again.",
    "I talked to my sponsor twice this week. It helps to have someone to call.",
    "We practised saying no in group. I used it at work on Friday and it worked.",
    "Two rough days this week. I told my counselor and we made a plan for the weekend.",
    "I finished my recovery plan. I'd like to go over it with you at the next family session.",
    "Thank you for coming to the family session. It meant a lot to me.",
    "I got through a birthday party without drinking. I left early and that was okay.",
  ],
  es: [
    "Esta semana fui a todos los grupos. El martes fue difícil, pero me quedé hasta el final.",
    "Estoy durmiendo mejor y volví a caminar por las mañanas.",
    "Hablé dos veces con mi padrino esta semana. Me ayuda tener a alguien a quien llamar.",
    "En el grupo practicamos cómo decir que no. Lo usé en el trabajo el viernes y funcionó.",
    "Tuve dos días difíciles. Se lo conté a mi consejera y hicimos un plan para el fin de semana.",
    "Terminé mi plan de recuperación. Me gustaría revisarlo contigo en la próxima sesión familiar.",
    "Gracias por venir a la sesión familiar. Significó mucho para mí.",
    "Pasé un cumpleaños sin beber. Me fui temprano y estuvo bien.",
  ],
};

/** A family member's conversation with the counselor: the subject, then messages alternating family, staff, … */
export const FAMILY_THREADS: Record<
  DemoLanguage,
  readonly { subject: string; messages: readonly string[] }[]
> = {
  en: [
    {
      subject: "Question about the family session",
      messages: [
        "Hi, is it okay if I bring our teenage son to the next family session? He has been asking questions.",
        "Thank you for asking. Yes, he is welcome; we will keep the conversation at a level that suits him. Let me know if he would rather just listen.",
        "Great, we'll both be there. Thank you.",
      ],
    },
    {
      subject: "How can I help at home?",
      messages: [
        "I never know what to say when they come home after group. Should I ask how it went?",
        "A short, warm question works well, and it is fine to let them choose how much to say. The module on positive communication has a few examples you could try.",
        "I read it last night. I'll try the 'notice something good' idea this week.",
        "That sounds like a good place to start. We can talk about how it went at the next session.",
      ],
    },
    {
      subject: "Feeling worn out",
      messages: [
        "Honestly I'm exhausted. I've been worrying every evening.",
        "Thank you for telling me. Looking after yourself matters too. The family resources page lists support groups for family members; many people find them helpful. Would you like to talk about it at the next session?",
      ],
    },
  ],
  es: [
    {
      subject: "Pregunta sobre la sesión familiar",
      messages: [
        "Hola, ¿puedo llevar a nuestra hija a la próxima sesión familiar? Tiene muchas preguntas.",
        "Gracias por preguntar. Sí, es bienvenida; adaptaremos la conversación a su edad. Si prefiere solo escuchar, también está bien.",
        "Perfecto, iremos las dos. Muchas gracias.",
      ],
    },
    {
      subject: "¿Cómo puedo ayudar en casa?",
      messages: [
        "Nunca sé qué decir cuando vuelve del grupo. ¿Le pregunto cómo le fue?",
        "Una pregunta corta y cariñosa suele funcionar, y está bien dejar que decida cuánto contar. El módulo sobre comunicación positiva tiene algunos ejemplos.",
        "Lo leí anoche. Esta semana voy a probar lo de fijarme en algo bueno.",
        "Me parece un buen comienzo. Lo comentamos en la próxima sesión.",
      ],
    },
    {
      subject: "Me siento agotada",
      messages: [
        "La verdad es que estoy agotada. Me preocupo todas las noches.",
        "Gracias por contármelo. Cuidarte a ti también importa. En la página de recursos para familias hay grupos de apoyo para familiares; a muchas personas les ayudan. ¿Quieres que lo hablemos en la próxima sesión?",
      ],
    },
  ],
};

/** What a family member did for themselves, as written in their check-in. */
export const SELF_CARE: Record<DemoLanguage, readonly string[]> = {
  en: [
    "Went for a walk after dinner.",
    "Called my sister.",
    "Went to a family support meeting.",
    "Read for half an hour before bed.",
    "Took a long bath and turned my phone off.",
    "",
  ],
  es: [
    "Salí a caminar después de cenar.",
    "Llamé a mi hermana.",
    "Fui a una reunión de apoyo para familias.",
    "Leí media hora antes de dormir.",
    "Me di un baño largo y apagué el teléfono.",
    "",
  ],
};

export const CHECK_IN_NOTES: Record<DemoLanguage, readonly string[]> = {
  en: ["A calmer week.", "Worried about the weekend.", "Good talk at dinner.", "", "", ""],
  es: [
    "Una semana más tranquila.",
    "Me preocupa el fin de semana.",
    "Buena conversación en la cena.",
    "",
    "",
    "",
  ],
};

/** Answers to a module's practice exercise (kept private to the family member). */
export const EXERCISE_ANSWERS: Record<DemoLanguage, readonly string[]> = {
  en: [
    "I'll say what I noticed that went well before I bring up anything that worried me.",
    "When I'm upset I'll take ten minutes before I answer.",
    "I'll stop covering for missed work; I'll say so kindly.",
    "Something I do for myself each week: Saturday mornings with a friend.",
    "I know where the naloxone is and I've practised the steps.",
  ],
  es: [
    "Voy a decir primero lo que noté que salió bien, antes de hablar de lo que me preocupa.",
    "Cuando me enoje, voy a esperar diez minutos antes de responder.",
    "Voy a dejar de dar excusas por las faltas al trabajo; se lo diré con cariño.",
    "Algo que hago por mí cada semana: los sábados por la mañana con una amiga.",
    "Sé dónde está la naloxona y practiqué los pasos.",
  ],
};

/** A participant's written revocation, as typed in the app. */
export const REVOCATION_STATEMENTS: Record<DemoLanguage, { whole: string; one: string }> = {
  en: {
    whole: "I revoke this consent. Please stop sharing anything with the people named on it.",
    one: "I no longer want {name} to see my information. Please stop sharing with them.",
  },
  es: {
    whole:
      "Revoco este consentimiento. Por favor, dejen de compartir información con las personas nombradas.",
    one: "Ya no quiero que {name} vea mi información. Por favor, dejen de compartir con esa persona.",
  },
};

import type { familyEn } from "./family.en";

/** El portal para familias (espacio de nombres "family"). */
export const familyEs: typeof familyEn = {
  nav: {
    label: "Navegación para familias",
    home: "Inicio",
    learn: "Aprender",
    checkIn: "Cómo estoy",
    messages: "Mensajes",
    resources: "Recursos",
  },
  common: {
    loading: "Cargando…",
    retry: "Intentar de nuevo",
    sectionError: "Esta parte no se pudo cargar en este momento.",
  },
  home: {
    title: "Inicio",
    greeting: "Hola, {{name}}",
    intro: "Gracias por apoyar a alguien en su recuperación.",
    peopleTitle: "Personas a las que apoyas",
    peopleError: "No pudimos cargar las personas a las que apoyas en este momento.",
    open: "Ver lo que comparte {{name}}",
    shares: "Comparte contigo:",
    emptyTitle: "Todavía nadie comparte información contigo",
    emptyBody:
      "La persona en tratamiento decide qué compartir y con quién. Si decide compartir contigo, aparecerá aquí. Mientras tanto, las páginas para aprender y los recursos para familias están a tu disposición.",
    learnLink: "Aprende sobre la recuperación y cómo ayudar",
    resourcesLink: "Recursos para familias",
    noLongerSharedTitle: "Ya no se comparte",
    noLongerShared_one:
      "Una persona ya no comparte información contigo aquí. Es su decisión y puede cambiar. Las páginas para aprender y los recursos para familias siguen aquí para ti.",
    noLongerShared_other:
      "{{count}} personas ya no comparten información contigo aquí. Es su decisión y puede cambiar. Las páginas para aprender y los recursos para familias siguen aquí para ti.",
  },
  scopes: {
    family_session_schedule: "Horario de las sesiones familiares",
    attendance_summary: "Resumen de asistencia",
    shared_progress: "Novedades que comparte",
    treatment_goals: "Metas del tratamiento",
    assessment_scores: "Puntuaciones de cuestionarios",
    family_messages: "Mensajes con el equipo de atención",
  },
  until: {
    date: "hasta el {{date}}",
    end_of_treatment: "hasta el final del tratamiento",
    other: "hasta que termine o se revoque",
  },
  person: {
    back: "Volver al inicio",
    loadError: "No pudimos cargar esta página en este momento.",
    messagesLink: "Escribir al equipo de atención",
  },
  ended: {
    title: "Ahora no tienes acceso a esta información",
    body: "La persona a la que apoyas decide qué se comparte contigo, y eso terminó o cambió. Aquí no se muestra nada de su expediente. Las páginas para aprender y los recursos para familias siguen abiertos para ti.",
  },
  schedule: {
    title: "Sesiones familiares",
    empty: "No hay sesiones familiares programadas por ahora.",
    withWhom: "Con {{name}}",
    video: "Sesión por video",
    join: "Entrar a la sesión por video",
    includesYou: "Estás invitado o invitada",
  },
  attendance: {
    title: "Asistencia de las últimas 4 semanas",
    sessions: "Asistió a {{attended}} de {{expected}} sesiones",
    hours: "{{attended}} de {{expected}} horas",
    week: "{{from}} – {{to}}",
    empty: "No hay sesiones registradas en las últimas 4 semanas.",
    explain:
      "Solo se cuentan las sesiones que el programa ya registró; las que el programa canceló no se cuentan.",
  },
  progress: {
    title: "Novedades",
    days_one: "{{count}} día en recuperación",
    days_other: "{{count}} días en recuperación",
    empty: "{{name}} todavía no ha compartido novedades.",
    sharedOn: "Compartido el {{date}}",
  },
  goals: {
    title: "Metas del tratamiento",
    empty: "Todavía no hay metas para mostrar.",
    done: "Cumplido",
    working: "En proceso",
    stepsLabel: "Pasos hacia esta meta",
  },
  scores: {
    title: "Puntuaciones de cuestionarios",
    empty: "Todavía no hay puntuaciones para mostrar.",
    score: "{{total}} de {{max}}",
    lowerIsBetter: "Una puntuación más baja indica menos dificultades.",
    higherIsBetter: "Una puntuación más alta indica más bienestar.",
    explain:
      "Son cuestionarios breves que la persona responde durante el tratamiento. Una puntuación es solo un momento; el equipo de atención mira el panorama completo.",
    measures: {
      phq9: "Estado de ánimo (señales de depresión)",
      phqa: "Estado de ánimo (señales de depresión)",
      gad7: "Preocupación y ansiedad",
      audit: "Consumo de alcohol",
      audit_c: "Consumo de alcohol",
      dast10: "Consumo de drogas",
      pcl5: "Estrés después de un evento traumático",
      who5: "Bienestar general",
      bam: "Recuperación: consumo, riesgos y fortalezas",
      crafft: "Riesgo por consumo de alcohol y drogas",
      readiness: "Disposición para el cambio",
      other: "Cuestionario",
    },
  },
  notice: {
    title: "Aviso de confidencialidad",
    intro:
      "La ley federal protege la información de esta página y no puedes compartirla salvo como la ley lo permite. El texto oficial de la norma aparece abajo en inglés.",
    shareTitle: "Lo que {{name}} decidió compartir",
    sharePeopleTitle: "Lo que cada persona decidió compartir",
  },
};

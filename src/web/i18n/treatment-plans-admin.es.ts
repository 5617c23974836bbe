import type { treatmentPlansAdminEn } from "./treatment-plans-admin.en";

type Dictionary<T> = { [K in keyof T]: T[K] extends string ? string : Dictionary<T[K]> };

/** Spanish strings of the plan worklist and the treatment-plan settings: exactly the English keys. */
export const treatmentPlansAdminEs: Dictionary<typeof treatmentPlansAdminEn> = {
  nav: {
    worklist: "Planes de tratamiento",
    settings: "Configuración de planes de tratamiento",
  },
  states: {
    loading: "Cargando…",
    loadError: "No se pudo cargar.",
    retry: "Intentar de nuevo",
  },
  worklist: {
    title: "Planes de tratamiento",
    intro:
      "Planes que necesitan algo de usted o de su equipo: primeros planes sin escribir, borradores, firmas y revisiones por vencer. Abra un nombre para ir al plan en el expediente del participante.",
    summary_other: "{{count}} tareas pendientes",
    summary_one: "1 tarea pendiente",
    empty:
      "No hay nada pendiente en los planes de tratamiento. Cada participante a su cargo tiene un plan firmado y ninguna revisión está por vencer.",
    count_other: "{{count}} participantes",
    count_one: "1 participante",
    admitted: "Ingresó el {{date}}",
    openPlan: "Abrir el plan de {{name}}",
    groups: {
      review_overdue: "Revisión vencida",
      review_due: "Revisión para hoy",
      awaiting_my_signature: "Esperan su firma",
      no_plan: "Sin plan todavía",
      review_due_soon: "Revisión próxima",
      draft: "Borradores en curso",
      awaiting_others: "Esperan otras firmas",
    },
    hints: {
      review_overdue:
        "Realice la revisión y fírmela: las notas de estos días podrían no vincularse a un plan vigente.",
      review_due: "Realice la revisión hoy.",
      awaiting_my_signature: "Lea el plan y fírmelo.",
      no_plan:
        "Empiece un plan con el participante; el primer plan firmado se espera para la fecha indicada.",
      review_due_soon: "Programe la revisión con el participante.",
      draft: "Termine el borrador y envíelo a firmar.",
      awaiting_others: "Falta la firma del participante o de un cofirmante.",
    },
    due: {
      review_overdue: "Venció el {{date}}",
      review_due: "Vence hoy, {{date}}",
      review_due_soon: "Vence el {{date}}",
      no_plan: "Se espera para el {{date}}",
      other: "Desde el {{date}}",
    },
  },
  settings: {
    title: "Configuración de planes de tratamiento",
    intro:
      "Cuándo se revisan los planes, con cuánta anticipación una revisión aparece como próxima, cuánto después del ingreso se espera el primer plan y si las sesiones de grupo esperan un plan firmado. Son políticas del programa: las cifras iniciales son práctica común, no ley.",
    readOnly: "Puede ver esta configuración. La cambia un administrador.",
    save: "Guardar la configuración de planes",
    saved: "Configuración de planes de tratamiento guardada.",
    useDefaults: "Poner las cifras iniciales",
    discard: "Descartar los cambios",
    reviewsTitle: "Revisiones",
    firstPlanTitle: "El primer plan",
    groupsTitle: "Sesiones de grupo antes de un plan firmado",
    days: "días",
    fields: {
      reviewCycleDays: "Revisar cada",
      dueSoonDays: "Mostrar una revisión como próxima",
      earlyReviewDays: "Realizar una revisión anticipada en",
      firstPlanDays: "Esperar el primer plan firmado en",
    },
    descriptions: {
      reviewCycleDays:
        "Días desde la última firma (del plan o de una revisión) hasta la siguiente revisión. 30 días es práctica común de pagadores y acreditadores.",
      dueSoonDays:
        "Días antes del vencimiento en que la revisión aparece como próxima en la lista de trabajo.",
      earlyReviewDays:
        "Días para una revisión tras un cambio de nivel de atención, una alerta crítica o el inicio de la planificación del alta.",
      firstPlanDays: "Días después del ingreso; pasado ese plazo, una alerta avisa que falta el plan.",
    },
    rules: {
      allow: "Permitir: asignar grupos antes de que el plan esté firmado",
      warn: "Advertir: permitirlo e indicar que el plan aún no está firmado",
      block: "Bloquear: ningún grupo hasta que el plan esté firmado",
    },
    errors: {
      fixBelow: "Algunas cifras necesitan atención. Están marcadas abajo.",
      wholeDays: "Use días enteros.",
      range: "Use un número de {{min}} a {{max}}.",
      dueSoonWithinCycle: "Una revisión no puede aparecer como próxima antes que el propio ciclo.",
      failed: "No se pudo guardar la configuración. Inténtelo de nuevo.",
    },
  },
};

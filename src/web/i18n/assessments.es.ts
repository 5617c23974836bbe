import type { assessmentsEn } from "./assessments.en";

type Dictionary<T> = { [K in keyof T]: T[K] extends string ? string : Dictionary<T[K]> };

/**
 * Spanish strings of questionnaires: exactly the English keys. Read by staff and by participants, so
 * the wording is impersonal rather than "tú" or "usted".
 */
export const assessmentsEs: Dictionary<typeof assessmentsEn> = {
  form: {
    requiredNote: "Las preguntas marcadas con * necesitan respuesta.",
    keyboardHint:
      "Entrada rápida: dentro de una pregunta, al pulsar el número que aparece junto a una respuesta, se elige y se pasa a la siguiente pregunta. En las preguntas de sí o no, S (o Y) y N.",
    progress: "{{answered}} de {{total}} respondidas",
    submit: "Enviar respuestas",
    questionNumber: "Pregunta {{n}}",
    questionLabel: "Pregunta {{label}}",
    yes: "Sí",
    no: "No",
    yesKey: "S",
    noKey: "N",
  },
  errors: {
    required: "Falta la respuesta a esta pregunta.",
    range: "Se necesita un número entero entre {{min}} y {{max}}.",
    atLeast: "Se necesita un número entero igual o mayor que {{min}}.",
    atMost: "Se necesita un número entero igual o menor que {{max}}.",
    wholeNumber: "Se necesita un número entero.",
  },
  due: {
    title: "Medidas pendientes",
    intro:
      "Cuestionarios que el calendario de medición del programa pide ahora, primero los que más tiempo llevan esperando. Una medida está pendiente desde su fecha y atrasada cuando pasan los días de margen.",
    counts: "Atrasadas: {{overdue}} · pendientes: {{due}}",
    filters: {
      label: "Filtrar la lista",
      scope: "De quién",
      scopeMine: "Mis casos",
      scopeSite: "Todas las personas que puedo ver",
      status: "Estado",
      instrument: "Cuestionario",
      anyInstrument: "Todos los cuestionarios",
    },
    statusFilters: { all: "Pendientes y atrasadas", overdue: "Atrasadas", due: "Pendientes" },
    statuses: { due: "Pendiente", overdue: "Atrasada", upcoming: "Próxima" },
    tableLabel: "Medidas pendientes",
    columns: {
      participant: "Participante",
      instrument: "Cuestionario",
      dueOn: "Fecha",
      status: "Estado",
      why: "Motivo",
      assigned: "Asignado",
    },
    reasons: {
      intake: "Al ingreso",
      everyNDaysSinceAdmission: "Cada {{n}} días (ninguno desde el ingreso)",
      everyNDaysSinceLast: "Cada {{n}} días (el último, {{date}})",
      discharge: "Al alta",
      followUp: "{{days}} días después del alta",
    },
    assigned: "Asignado, para el {{date}}",
    notAssigned: "Sin asignar",
    openChart: "Abrir las evaluaciones de {{name}}",
    empty: "No hay nada pendiente: todos los cuestionarios del calendario están al día.",
    emptyFiltered: "Nada coincide con estos filtros.",
  },
  schedule: {
    title: "Calendario de medición",
    intro:
      "Qué cuestionarios aplica el programa y cuándo: al ingreso, cada cierto número de días durante el tratamiento, al alta y en el seguimiento después del alta. Las listas de medidas pendientes y atrasadas, y las alertas de atraso, siguen este calendario.",
    readOnly: "El calendario se puede consultar; lo cambia un administrador.",
    entriesLabel: "Cuestionarios programados",
    entry: "Entrada {{n}}",
    instrument: "Cuestionario",
    chooseInstrument: "Elegir un cuestionario",
    timing: "Cuándo",
    timings: {
      intake: "Al ingreso",
      every_n_days: "Cada N días",
      discharge: "Al alta",
      follow_up: "Seguimiento después del alta",
    },
    everyDays: "Cada cuántos días",
    followUpDays: "Días después del alta",
    audience: "Para",
    audiences: { any: "Todas las personas", adult: "Adultos", adolescent: "Adolescentes" },
    remove: "Quitar la entrada {{n}}",
    removeShort: "Quitar",
    add: "Añadir un cuestionario",
    empty: "No hay cuestionarios programados. No se mostrará nada como pendiente.",
    graceDays: "Días de margen",
    graceDaysHelp:
      "Cuántos días sigue pendiente una medida después de su fecha antes de quedar atrasada; también con cuánta antelación se puede aplicar y que cuente.",
    save: "Guardar el calendario",
    saved: "Se guardó el calendario de medición.",
    errors: {
      instrument: "Falta elegir un cuestionario.",
      days: "Se necesita un número entero de días entre {{min}} y {{max}}.",
      duplicate: "Este cuestionario ya está programado en este momento para estas personas.",
      oneInterval: "Este cuestionario ya se repite con otro intervalo; se admite uno solo.",
      graceDays: "Se necesita un número entero de días entre 0 y {{max}}.",
      fixBelow: "Algunas entradas necesitan atención; los mensajes están abajo.",
    },
  },
  /** Las páginas del participante ("Mis cuestionarios") y su tarjeta en el inicio: solo las lee el participante, de "tú" como el resto de su área. */
  mine: {
    title: "Mis cuestionarios",
    intro:
      "Los cuestionarios cortos te ayudan a ti y a tu consejero o consejera a ver cómo van las cosas. Responde según cómo has estado de verdad: no hay respuestas buenas ni malas.",
    loadError: "No se pudieron cargar tus cuestionarios.",
    empty: "Por ahora no hay nada que llenar.",
    emptyBody: "Cuando tu equipo de atención te pida llenar un cuestionario, te esperará aquí.",
    noRecord:
      "Tu cuenta todavía no está vinculada a tu expediente de tratamiento. Pregúntale a tu consejero o consejera.",
    listLabel: "Cuestionarios por llenar",
    dueOn: "Para el {{date}}",
    wasDue: "Era para el {{date}}",
    late: "Atrasado",
    start: "Empezar",
    startLabel: "Empezar: {{title}}",
    answer: {
      heading: "Llenar un cuestionario",
      intro: "Tómate tu tiempo. Responde según cómo han sido las cosas para ti de verdad.",
      back: "Volver a mis cuestionarios",
      loading: "Cargando el cuestionario",
      loadError: "No se pudo cargar este cuestionario.",
      notFound: "No se encontró este cuestionario.",
      submit: "Enviar mis respuestas",
      sendAgain: "Enviar de nuevo",
      reload: "Abrir la versión nueva",
      failures: {
        network:
          "Tus respuestas no se enviaron: no se pudo conectar con Bridgeway. Tus respuestas siguen aquí. Revisa tu conexión y vuelve a enviarlas.",
        failed:
          "No se pudieron enviar tus respuestas en este momento. Siguen aquí; vuelve a enviarlas, por favor.",
        retired:
          "Este cuestionario se actualizó después de que lo abriste. Abre la versión nueva y respóndela otra vez, por favor.",
        closed: "Este cuestionario ya no te espera: ya se llenó o tu equipo de atención lo retiró.",
      },
    },
    done: {
      title: "Gracias",
      body: "Tus respuestas se enviaron. Tu consejero o consejera las revisará contigo.",
      crisisTitle: "Gracias por contárnoslo",
      crisisBody:
        "Algunas de tus respuestas nos dicen que quizá estás pasando por algo muy difícil ahora mismo. Tu equipo de atención ya lo sabe y se pondrá en contacto contigo. No tienes que esperar: en el 988 hay personas para escucharte, de día o de noche.",
      back: "Volver a mis cuestionarios",
    },
    homeCard: {
      title: "Cuestionarios por completar",
      count_one: "Tienes {{count}} cuestionario por llenar.",
      count_other: "Tienes {{count}} cuestionarios por llenar.",
      none: "Por ahora no hay nada que llenar.",
      loading: "Buscando cuestionarios",
      error: "No se pudieron revisar tus cuestionarios en este momento.",
      open: "Abrir mis cuestionarios",
    },
  },
};

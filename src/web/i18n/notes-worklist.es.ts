import type { notesWorklistEn } from "./notes-worklist.en";

type Dictionary<T> = { [K in keyof T]: T[K] extends string ? string : Dictionary<T[K]> };

/** Spanish strings of the notes worklist, the co-sign dialog and the note settings: exactly the English keys. */
export const notesWorklistEs: Dictionary<typeof notesWorklistEn> = {
  states: {
    loadError: "No se pudo cargar.",
  },
  worklist: {
    title: "Notas por terminar",
    intro:
      "Sus notas aún sin firmar, las notas que esperan su cofirma y las sesiones de grupo que usted facilitó en las últimas dos semanas y que aún no tienen nota.",
    tabsLabel: "Lista de notas",
    tabs: {
      unsigned: "Sin firmar",
      cosign: "Esperan mi cofirma",
      missing: "Notas de grupo pendientes",
    },
    scopeLabel: "De quién son las notas sin firmar",
    scope: {
      mine: "Mías",
      site: "De todos en mis sedes",
    },
    empty: {
      unsigned: "No hay notas sin firmar. Todas están firmadas.",
      unsignedSite: "No hay notas sin firmar en sus sedes.",
      cosign: "Nada espera su cofirma.",
      missing: "Todas las sesiones de grupo que facilitó en las últimas dos semanas tienen nota.",
    },
    kinds: {
      group: "Nota de grupo",
      individual: "Sesión individual",
      family: "Sesión familiar",
    },
    status: {
      draft: "Borrador",
      awaiting_cosign: "Espera cofirma",
      signed: "Firmada",
    },
    overdue: "Atrasada",
    lateEntry: "Será una entrada tardía",
    session: "Sesión del {{date}}",
    hoursAgo_one: "terminó hace 1 hora",
    hoursAgo_other: "terminó hace {{count}} horas",
    author: "Escrita por {{name}}",
    cosigner: "Cofirma: {{name}}",
    open: "Abrir la nota: {{title}}, {{date}}",
    openShort: "Abrir",
    cosign: "Cofirmar",
    cosignLabel: "Cofirmar la nota: {{title}}, {{date}}",
    write: "Escribir la nota",
    writeLabel: "Escribir la nota de grupo: {{title}}, {{date}}",
    missingEnded: "Terminó el {{date}}",
  },
  cosign: {
    title: "Cofirmar esta nota",
    intro:
      "Lea la nota antes de cofirmarla. Su cofirma confirma que la revisó como el supervisor que la nota nombra; la nota queda firmada y ya no puede cambiar.",
    done: "Nota cofirmada.",
  },
  settings: {
    title: "Configuración de notas clínicas",
    intro:
      "Cómo empiezan las notas y cuándo requieren atención: el formato predeterminado de las notas individuales y familiares, cuándo una nota sin firmar genera una alerta, cuándo una firma es una entrada tardía y cómo la revisión de entradas clonadas compara las entradas de grupo.",
    readOnly: "Solo un administrador puede cambiar esta configuración.",
    formatTitle: "Formato",
    timingTitle: "Notas sin firmar y entradas tardías",
    clonesTitle: "Revisión de entradas clonadas",
    fields: {
      defaultFormat: "Formato predeterminado de las notas individuales y familiares",
      unsignedAlertHours: "Alertar cuando una nota siga sin firmar después de",
      lateEntryHours: "Marcar una firma como entrada tardía después de",
      cloneThreshold: "Similitud que marca una entrada",
      clonePreviousEntries: "Entradas anteriores comparadas por participante",
    },
    descriptions: {
      defaultFormat: "El personal clínico puede elegir otro formato en cada nota.",
      unsignedAlertHours:
        "Horas después del final de la sesión. La nota aparece atrasada en la lista y su autor recibe una alerta.",
      lateEntryHours:
        "Horas después del final de la sesión. Las entradas tardías se señalan dondequiera que se muestre la nota.",
      cloneThreshold: "De 0,5 a 1; 1 marca solo las entradas idénticas.",
      clonePreviousEntries: "0 compara solo las entradas de la misma nota.",
    },
    formats: {
      DAP: "DAP — Datos, Evaluación, Plan",
      BIRP: "BIRP — Conducta, Intervención, Respuesta, Plan",
      SOAP: "SOAP — Subjetivo, Objetivo, Evaluación, Plan",
    },
    hours: "horas",
    save: "Guardar la configuración",
    discard: "Descartar los cambios",
    useDefaults: "Usar los valores predeterminados",
    saved: "Configuración de notas guardada.",
    errors: {
      range: "Escriba un número de {{min}} a {{max}}.",
      whole: "Use un número entero.",
      fixBelow: "Hay valores que corregir. Vea los mensajes abajo.",
      failed: "No se pudo guardar la configuración. Inténtelo de nuevo.",
    },
  },
};

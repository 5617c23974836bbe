import type { dischargeSummariesEn } from "./discharge-summaries.en";

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** Textos en español del resumen de alta en la pestaña Alta del expediente. */
export const dischargeSummariesEs: Shape<typeof dischargeSummariesEn> = {
  title: "Resumen de alta",
  intro:
    "Se genera a partir del expediente (motivo de ingreso, evolución, asistencia, mediciones, avance del plan, medicamentos, riesgos) y luego el clínico lo edita y lo firma. El texto del resumen se redacta en inglés, como documento clínico.",
  loading: "Cargando el resumen de alta…",
  loadError: "No se pudo cargar el resumen de alta.",
  retry: "Intentar de nuevo",
  noEpisode: "Esta persona todavía no tiene un episodio de atención.",
  empty: "Todavía no hay resumen de alta. Genere un borrador a partir del expediente y luego edítelo.",
  generate: "Generar borrador",
  status: { draft: "Borrador", signed: "Firmado" },
  edited: "Editado",
  sections: {
    identification: "Identificación",
    reasonForAdmission: "Motivo de ingreso",
    course: "Evolución del tratamiento",
    attendance: "Asistencia",
    measures: "Mediciones al ingreso y al alta",
    planProgress: "Avance del plan de tratamiento",
    medications: "Medicamentos",
    risks: "Riesgos",
    dischargeAndAftercare: "Alta y cuidado posterior",
  },
  save: "Guardar",
  saved: "Guardado.",
  unsaved: "Cambios sin guardar",
  regenerate: "Volver a generar desde el expediente",
  regenerateTitle: "¿Volver a generar el borrador?",
  regenerateBody:
    "El borrador se vuelve a escribir a partir del expediente tal como está ahora. Se reemplaza el texto que usted o un colega hayan editado.",
  regenerateConfirm: "Volver a generar y reemplazar",
  sign: "Firmar",
  signTitle: "¿Firmar el resumen de alta?",
  signBody: "Una vez firmado, el resumen no se puede cambiar.",
  signConfirm: "Firmar",
  signNeedsDischarge: "El resumen se puede firmar cuando el alta esté registrada.",
  signSaveFirst: "Guarde sus cambios antes de firmar.",
  cancel: "Cancelar",
  pdf: "PDF",
  signedBy: "Firmado por {{name}} el {{at}}",
  generatedAt: "Generado {{at}}",
  readOnly: "Puede leer este resumen; para redactarlo se necesita permiso de escritura clínica.",
  errors: {
    conflict:
      "Otra persona cambió este resumen después de que usted lo abrió. Vuelva a cargarlo y haga su cambio de nuevo.",
    generic: "No se pudo hacer: {{message}}",
  },
};

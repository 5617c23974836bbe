import type { myProgressEn } from "./my-progress.en";

/** Spanish strings of "Mi plan y mi progreso" (same keys as my-progress.en.ts). */
export const myProgressEs: typeof myProgressEn = {
  page: {
    title: "Mi plan y mi progreso",
    intro:
      "Sus metas, los pasos para alcanzarlas y cómo han cambiado sus respuestas a los cuestionarios con el tiempo.",
  },
  plan: {
    title: "Mis metas",
    loading: "Cargando su plan",
    loadError: "No se pudo cargar su plan.",
    none: "Su consejero hará su plan con usted. Sus metas aparecerán aquí.",
    goal: "Meta {{number}}: {{title}}",
    whatIWant: "Lo que quiero",
    steps: "Pasos para lograrlo",
    stepsDone: "{{met}} de {{total}} pasos alcanzados",
    noSteps: "Todavía no hay pasos.",
    byDate: "Objetivo: para el {{date}}",
    openPlan: "Leer mi plan completo y las firmas",
  },
  measures: {
    title: "Mis cuestionarios a lo largo del tiempo",
    intro:
      "Cada línea muestra sus propios puntajes en un cuestionario que usted llenó. Los puntajes suben y bajan; lo que importa es la dirección a lo largo de las semanas. Hable de ellos con su consejero.",
    loading: "Cargando sus cuestionarios",
    loadError: "No se pudieron cargar sus cuestionarios.",
    none: "Cuando llene cuestionarios, sus puntajes aparecerán aquí a lo largo del tiempo.",
    lowerIsBetter: "Un puntaje más bajo significa menos molestias.",
    higherIsBetter: "Un puntaje más alto significa sentirse mejor.",
    range: "Los puntajes van de {{min}} a {{max}}.",
    latest: "Su último puntaje: {{score}}, el {{date}}.",
    tableCaption: "Sus puntajes de {{name}} por fecha",
    date: "Fecha",
    score: "Puntaje",
    chartLoading: "Cargando la gráfica",
    showTable: "Mostrar los números",
    hideTable: "Ocultar los números",
  },
  instruments: {
    phq9: {
      name: "Ánimo (PHQ-9)",
      asks: "Con qué frecuencia le molestaron el ánimo bajo, la falta de interés y otras molestias en dos semanas.",
    },
    phqa: {
      name: "Ánimo (PHQ-A)",
      asks: "Con qué frecuencia le molestaron el ánimo bajo, la falta de interés y otras molestias en dos semanas.",
    },
    gad7: {
      name: "Preocupación (GAD-7)",
      asks: "Con qué frecuencia le molestaron la preocupación y los nervios en dos semanas.",
    },
    who5: {
      name: "Bienestar (WHO-5)",
      asks: "Con qué frecuencia se sintió alegre, tranquilo, activo y descansado en dos semanas.",
    },
    audit: { name: "Alcohol (AUDIT)", asks: "Su consumo de alcohol y cómo le ha afectado." },
    audit_c: { name: "Alcohol (AUDIT-C)", asks: "Con qué frecuencia y cuánto bebe." },
    dast10: {
      name: "Consumo de drogas (DAST-10)",
      asks: "Su consumo de drogas y cómo le ha afectado en el último año.",
    },
    crafft: {
      name: "Alcohol y drogas (CRAFFT)",
      asks: "Situaciones relacionadas con el alcohol y las drogas.",
    },
    pcl5: {
      name: "Estrés después de hechos difíciles (PCL-5)",
      asks: "Cuánto le molestaron en el último mes las reacciones a un hecho muy estresante.",
    },
    other: {
      name: "Cuestionario ({{key}})",
      asks: "Un cuestionario que su equipo de atención le pidió llenar.",
    },
  },
};

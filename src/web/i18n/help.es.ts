import type { helpEn } from "./help.en";

/** Spanish strings of the Help page and the local resources page (same keys as help.en.ts). */
export const helpEs: typeof helpEn = {
  page: {
    title: "Ayuda",
    intro:
      "Si está en peligro o piensa en hacerse daño, pida ayuda ahora. No tiene que pasar por esto a solas.",
    now: "Ahora mismo",
    call988: "Llamar al 988",
    text988: "Enviar texto al 988",
    about988: "Línea 988 de Prevención del Suicidio y Crisis: gratuita, confidencial, a cualquier hora.",
    call911: "Llamar al 911",
    about911: "Para una emergencia médica o una sobredosis.",
    program: "Su programa",
    onCall: "Llamar a la guardia de {{site}}: {{phone}}",
    onCallNone:
      "El número de guardia de su programa no está configurado. Use el 988 o el 911 a cualquier hora.",
    samhsa: "Línea Nacional de Ayuda de SAMHSA",
    samhsaCall: "Llamar al 1-800-662-4357",
    samhsaAbout:
      "Información y referidos a tratamiento, gratuitos y confidenciales, las 24 horas, los 7 días de la semana, en inglés y en español.",
    meetings: "Encontrar una reunión de ayuda mutua",
    meetingsIntro: "Reuniones en persona y en línea, organizadas por los propios grupos (abre su sitio web).",
    aa: "Buscador de reuniones de Alcohólicos Anónimos",
    na: "Buscador de reuniones de Narcóticos Anónimos",
    smart: "Buscador de reuniones de SMART Recovery",
    local: "Recursos locales de su programa",
    localEmpty: "Su programa todavía no ha añadido recursos locales.",
    localError: "No se pudieron cargar los recursos locales. Los números de arriba siempre funcionan.",
    loading: "Cargando recursos locales",
    website: "Sitio web de {{name}}",
    call: "Llamar a {{name}}: {{phone}}",
    opensNewTab: "(se abre en una pestaña nueva)",
  },
  admin: {
    title: "Recursos de ayuda",
    intro:
      "Recursos locales que aparecen en la página de Ayuda de los participantes, debajo del 988, el 911, su línea de guardia y la línea de SAMHSA.",
    add: "Añadir un recurso",
    remove: "Quitar {{name}}",
    removeConfirm: "¿Quitar este recurso de la página de Ayuda?",
    name: "Nombre",
    phone: "Teléfono",
    url: "Sitio web (https://…)",
    description: "Qué ofrece",
    language: "Idioma",
    languages: { any: "Cualquier idioma", en: "Inglés", es: "Español" },
    save: "Guardar",
    saved: "Recursos de ayuda guardados.",
    failed: "No se pudieron guardar los recursos.",
    empty: "Todavía no hay recursos locales.",
    resource: "Recurso {{n}}",
    loadError: "No se pudieron cargar los recursos de ayuda.",
  },
};

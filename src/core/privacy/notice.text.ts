import type { NoticeLanguage, NoticeSettings } from "./notice.schema";

/**
 * The §2.22 Patient Notice in our own plain words, English and Spanish, one section per part the
 * rule lists (shared/reference/part2-and-family.md §3). Changing any wording here is a new notice:
 * bump NOTICE_TEXT_VERSION so participants are given the new version. Counsel reviews the text (and
 * the header, an administrator setting) against eCFR before go-live.
 */
export const NOTICE_TEXT_VERSION = "2026.1";

/** Each part §2.22(b) requires, in the notice's order; `fundraising` appears only when the program fundraises. */
export const NOTICE_PARTS = [
  "header",
  "federal_protection",
  "uses_without_consent",
  "uses_needing_consent",
  "single_tpo_consent",
  "other_uses_only_with_consent",
  "revocation",
  "legal_proceedings",
  "redisclosure_under_hipaa",
  "fundraising",
  "right_to_restrict",
  "right_self_paid_restriction",
  "right_to_accounting",
  "right_to_intermediary_list",
  "right_to_copy",
  "right_to_discuss",
  "duties",
  "complaints",
  "contact",
  "effective_date",
] as const;
export type NoticePart = (typeof NOTICE_PARTS)[number];

export interface NoticeSection {
  key: NoticePart;
  title: string;
  paragraphs: string[];
}

export interface NoticeDocument {
  version: string;
  language: NoticeLanguage;
  header: string;
  sections: NoticeSection[];
}

type Body = Omit<NoticeSection, "key">;
type Wording = Record<Exclude<NoticePart, "header">, (s: NoticeSettings) => Body>;

const OCR = {
  en: "the U.S. Department of Health and Human Services, Office for Civil Rights (online at www.hhs.gov/ocr/complaints, or by phone at 1-800-368-1019)",
  es: "el Departamento de Salud y Servicios Humanos de EE. UU., Oficina de Derechos Civiles (en línea en www.hhs.gov/ocr/complaints o por teléfono al 1-800-368-1019)",
};

function contactLines(s: NoticeSettings, language: NoticeLanguage): string[] {
  const who = [s.contactName, s.contactTitle].filter((x) => x !== "").join(", ");
  const lines: string[] = [];
  if (language === "en") {
    lines.push(who ? `Contact: ${who}.` : "Contact: ask any member of staff for our privacy contact.");
    if (s.contactPhone) lines.push(`Phone: ${s.contactPhone}`);
    if (s.contactEmail) lines.push(`Email: ${s.contactEmail}`);
  } else {
    lines.push(
      who
        ? `Contacto: ${who}.`
        : "Contacto: pide a cualquier miembro del personal el contacto de privacidad.",
    );
    if (s.contactPhone) lines.push(`Teléfono: ${s.contactPhone}`);
    if (s.contactEmail) lines.push(`Correo electrónico: ${s.contactEmail}`);
  }
  return lines;
}

const EN: Wording = {
  federal_protection: (s) => ({
    title: "Your records are protected by federal law",
    paragraphs: [
      `Records about your substance use treatment at ${s.programName} are protected by a federal law and its rules (42 U.S.C. 290dd-2 and 42 CFR Part 2). In general we cannot say that you are a patient here, or share anything that identifies you as someone treated for substance use, unless you agree in writing or the law allows it without your consent.`,
    ],
  }),
  uses_without_consent: () => ({
    title: "When we may use or share your information without your consent",
    paragraphs: [
      "The law allows a few uses and disclosures without your written consent. For example:",
      "• Inside the program: staff who need the information to treat you may see it (for example, your counselor and the nurse).",
      "• Medical emergencies: we may tell medical staff what they need to treat you when you cannot give consent (for example, if you collapse at the program and the ambulance crew needs to know what you take).",
      "• Organisations that do work for us under a written agreement that binds them to the same rules (for example, a laboratory that tests samples).",
      "• Audits and program evaluations by people who oversee or pay for the program, who may not identify you to anyone else.",
      "• Research, only when the rules that protect research participants are met.",
      "• Reports of suspected child abuse or neglect that state law requires (the first report only, not your treatment records).",
      "• A crime on the program's premises or against its staff, or a threat to commit one, reported to the police.",
      "• A court order that meets the special requirements of 42 CFR Part 2 (see 'Legal proceedings' below).",
      "• Information that does not identify you, for public health.",
      "Where a state law protects your information more strictly than federal law, we follow the stricter law.",
    ],
  }),
  uses_needing_consent: () => ({
    title: "Uses that need your written consent",
    paragraphs: [
      "Most other sharing needs your written consent. For example, we need your consent before we tell a family member how you are doing, confirm your attendance to an employer or a probation officer, or send records to your health plan so that it pays for your care.",
    ],
  }),
  single_tpo_consent: () => ({
    title: "One consent can cover treatment, payment and health care operations",
    paragraphs: [
      "You may sign one consent that lets us use and share your records for your treatment, for payment and for our health care operations, now and in the future, until you revoke it.",
    ],
  }),
  other_uses_only_with_consent: () => ({
    title: "Anything else only with your consent",
    paragraphs: [
      "We will not use or share your information in any way this notice does not describe unless you give us your written consent.",
    ],
  }),
  revocation: () => ({
    title: "You can take back your consent",
    paragraphs: [
      "You can revoke a consent at any time, in writing — in the app or on paper. It stops further sharing from that moment; it cannot undo what was already shared while the consent was in force. A consent given as a condition of a criminal-justice referral may have limits on when it can be revoked; your counselor will explain them before you sign.",
    ],
  }),
  legal_proceedings: () => ({
    title: "Legal proceedings",
    paragraphs: [
      "Your records, or testimony about what they say, cannot be used in a civil, criminal, administrative or legislative investigation or proceeding against you unless you give a specific written consent for that purpose, or a court issues an order after you have been told and given a chance to be heard. A court order of this kind must be accompanied by a subpoena or a similar legal mandate before we may share anything.",
    ],
  }),
  redisclosure_under_hipaa: () => ({
    title: "Sharing by those who receive your records for treatment, payment or operations",
    paragraphs: [
      "If you sign a consent for treatment, payment and health care operations and we share records with a health care provider, health plan or their business associate covered by HIPAA, they may share those records again as HIPAA allows — but never to use them against you in a legal proceeding without your specific consent or a court order.",
    ],
  }),
  fundraising: () => ({
    title: "Fundraising",
    paragraphs: [
      "We raise funds for the program and may contact you about it. You can tell us at any time that you do not want to be contacted for fundraising, and saying no does not change your care.",
    ],
  }),
  right_to_restrict: () => ({
    title: "Your right to ask us not to share",
    paragraphs: [
      "You can ask us not to use or share some of your information for treatment, payment or health care operations — even where you have signed a consent. Ask in the app under 'Your privacy' or ask your counselor. We will answer in writing. We do not have to agree; if we agree, we keep to it except when you need emergency treatment (we then ask the emergency provider not to pass the information on). A restriction does not stop sharing that the law requires.",
    ],
  }),
  right_self_paid_restriction: () => ({
    title: "Services you paid for yourself",
    paragraphs: [
      "If you, or someone other than your health plan, paid in full for a service, you can ask us not to tell your health plan about it for payment or operations. We must agree, unless a law requires us to share it. Only you can end this restriction.",
    ],
  }),
  right_to_accounting: () => ({
    title: "Your right to know who has seen your information",
    paragraphs: [
      "You can ask for a list of the disclosures we made with your consent in the past three years (and of disclosures for treatment, payment and operations made through an electronic health record). We keep a log of every disclosure, and you can see it at any time in the app under 'Who has seen my information'.",
    ],
  }),
  right_to_intermediary_list: () => ({
    title: "If your consent names a general group of recipients",
    paragraphs: [
      "If you consented to share your records through an intermediary (such as a health information exchange) with people described in general terms, you can ask the intermediary in writing for a list of everyone it gave your information to in the past three years.",
    ],
  }),
  right_to_copy: () => ({
    title: "Your right to a copy of this notice",
    paragraphs: [
      "You can have this notice on paper or electronically at any time, even if you already agreed to receive it electronically. Ask any member of staff, or print it from the app.",
    ],
  }),
  right_to_discuss: () => ({
    title: "Questions about this notice",
    paragraphs: ["You can talk this notice through with our privacy contact (see 'Contact' below)."],
  }),
  duties: () => ({
    title: "Our duties",
    paragraphs: [
      "The law requires us to keep your records private, to give you this notice of our duties and your rights, to tell you if your records are breached, and to follow the notice that is in effect. We may change this notice; a new notice covers all the records we keep, and we will post it at the program and on our website and offer you a copy.",
    ],
  }),
  complaints: () => ({
    title: "Complaints",
    paragraphs: [
      `If you think your privacy rights were not respected, you can complain to us (see 'Contact' below) and to ${OCR.en}. We will not retaliate against you in any way for making a complaint.`,
    ],
  }),
  contact: (s) => ({ title: "Contact", paragraphs: contactLines(s, "en") }),
  effective_date: (s) => ({
    title: "Effective date",
    paragraphs: [`This notice takes effect on ${s.effectiveOn}.`],
  }),
};

const ES: Wording = {
  federal_protection: (s) => ({
    title: "Una ley federal protege tus registros",
    paragraphs: [
      `Los registros de tu tratamiento por consumo de sustancias en ${s.programName} están protegidos por una ley federal y sus reglamentos (42 U.S.C. 290dd-2 y 42 CFR Parte 2). Por lo general no podemos decir que eres paciente aquí, ni compartir nada que te identifique como alguien en tratamiento por consumo de sustancias, a menos que lo autorices por escrito o que la ley lo permita sin tu consentimiento.`,
    ],
  }),
  uses_without_consent: () => ({
    title: "Cuándo podemos usar o compartir tu información sin tu consentimiento",
    paragraphs: [
      "La ley permite algunos usos y divulgaciones sin tu consentimiento por escrito. Por ejemplo:",
      "• Dentro del programa: el personal que necesita la información para atenderte puede verla (por ejemplo, tu consejero y la enfermera).",
      "• Emergencias médicas: podemos decirle al personal médico lo que necesita para tratarte cuando no puedes dar tu consentimiento (por ejemplo, si te desmayas en el programa y el equipo de la ambulancia necesita saber qué tomas).",
      "• Organizaciones que trabajan para nosotros bajo un acuerdo escrito que las obliga a cumplir las mismas reglas (por ejemplo, un laboratorio que analiza muestras).",
      "• Auditorías y evaluaciones del programa por quienes lo supervisan o lo pagan, que no pueden identificarte ante nadie más.",
      "• Investigación, solo cuando se cumplen las reglas que protegen a los participantes en estudios.",
      "• Los reportes de sospecha de maltrato o abandono de menores que exige la ley estatal (solo el primer reporte, no tus registros de tratamiento).",
      "• Un delito en las instalaciones del programa o contra su personal, o la amenaza de cometerlo, reportado a la policía.",
      "• Una orden judicial que cumpla los requisitos especiales de 42 CFR Parte 2 (ver 'Procesos legales' más abajo).",
      "• Información que no te identifica, para la salud pública.",
      "Cuando una ley estatal protege tu información más que la ley federal, seguimos la ley más estricta.",
    ],
  }),
  uses_needing_consent: () => ({
    title: "Usos que necesitan tu consentimiento por escrito",
    paragraphs: [
      "Casi todo lo demás necesita tu consentimiento por escrito. Por ejemplo, lo necesitamos antes de contarle a un familiar cómo vas, confirmar tu asistencia a un empleador o a un oficial de libertad condicional, o enviar registros a tu plan de salud para que pague tu atención.",
    ],
  }),
  single_tpo_consent: () => ({
    title: "Un solo consentimiento puede cubrir tratamiento, pago y operaciones de atención médica",
    paragraphs: [
      "Puedes firmar un solo consentimiento que nos permita usar y compartir tus registros para tu tratamiento, para el pago y para nuestras operaciones de atención médica, ahora y en el futuro, hasta que lo revoques.",
    ],
  }),
  other_uses_only_with_consent: () => ({
    title: "Todo lo demás, solo con tu consentimiento",
    paragraphs: [
      "No usaremos ni compartiremos tu información de ninguna forma que este aviso no describa, a menos que nos des tu consentimiento por escrito.",
    ],
  }),
  revocation: () => ({
    title: "Puedes retirar tu consentimiento",
    paragraphs: [
      "Puedes revocar un consentimiento en cualquier momento, por escrito, en la app o en papel. Desde ese momento ya no se comparte nada más; no deshace lo que ya se compartió mientras estaba vigente. Un consentimiento dado como condición de una derivación del sistema de justicia penal puede tener límites sobre cuándo se puede revocar; tu consejero te los explicará antes de que firmes.",
    ],
  }),
  legal_proceedings: () => ({
    title: "Procesos legales",
    paragraphs: [
      "Tus registros, o un testimonio sobre lo que dicen, no se pueden usar en una investigación o un proceso civil, penal, administrativo o legislativo en tu contra, a menos que des un consentimiento específico por escrito para eso, o que un tribunal emita una orden después de avisarte y darte la oportunidad de ser escuchado. Una orden judicial de este tipo debe ir acompañada de una citación (subpoena) u otro mandato legal similar antes de que podamos compartir algo.",
    ],
  }),
  redisclosure_under_hipaa: () => ({
    title: "Lo que pueden compartir quienes reciben tus registros para tratamiento, pago u operaciones",
    paragraphs: [
      "Si firmas un consentimiento para tratamiento, pago y operaciones de atención médica y compartimos registros con un proveedor de salud, un plan de salud o un socio comercial suyo cubiertos por HIPAA, ellos pueden volver a compartirlos según lo permita HIPAA, pero nunca para usarlos en tu contra en un proceso legal sin tu consentimiento específico o una orden judicial.",
    ],
  }),
  fundraising: () => ({
    title: "Recaudación de fondos",
    paragraphs: [
      "Recaudamos fondos para el programa y podríamos contactarte para eso. Puedes decirnos en cualquier momento que no quieres que te contactemos para recaudar fondos; decir que no, no cambia tu atención.",
    ],
  }),
  right_to_restrict: () => ({
    title: "Tu derecho a pedirnos que no compartamos",
    paragraphs: [
      "Puedes pedirnos que no usemos ni compartamos parte de tu información para tratamiento, pago u operaciones de atención médica, aunque hayas firmado un consentimiento. Pídelo en la app, en 'Tu privacidad', o a tu consejero. Te responderemos por escrito. No estamos obligados a aceptar; si aceptamos, lo cumplimos salvo cuando necesites tratamiento de emergencia (entonces le pedimos a quien te atienda que no pase la información a otros). Una restricción no impide lo que la ley obliga a compartir.",
    ],
  }),
  right_self_paid_restriction: () => ({
    title: "Servicios que pagaste tú",
    paragraphs: [
      "Si tú, u otra persona que no sea tu plan de salud, pagó un servicio por completo, puedes pedirnos que no se lo digamos a tu plan de salud para el pago o las operaciones. Debemos aceptar, a menos que una ley nos obligue a compartirlo. Solo tú puedes terminar esta restricción.",
    ],
  }),
  right_to_accounting: () => ({
    title: "Tu derecho a saber quién ha visto tu información",
    paragraphs: [
      "Puedes pedir una lista de las divulgaciones que hicimos con tu consentimiento en los últimos tres años (y de las divulgaciones para tratamiento, pago y operaciones hechas por medio de un expediente electrónico de salud). Registramos cada divulgación y puedes verlas cuando quieras en la app, en 'Quién ha visto mi información'.",
    ],
  }),
  right_to_intermediary_list: () => ({
    title: "Si tu consentimiento nombra un grupo general de destinatarios",
    paragraphs: [
      "Si autorizaste compartir tus registros por medio de un intermediario (como un intercambio de información de salud) con personas descritas de forma general, puedes pedirle por escrito al intermediario una lista de todas las personas a quienes dio tu información en los últimos tres años.",
    ],
  }),
  right_to_copy: () => ({
    title: "Tu derecho a una copia de este aviso",
    paragraphs: [
      "Puedes tener este aviso en papel o en formato electrónico cuando quieras, aunque ya hayas aceptado recibirlo electrónicamente. Pídelo a cualquier miembro del personal o imprímelo desde la app.",
    ],
  }),
  right_to_discuss: () => ({
    title: "Preguntas sobre este aviso",
    paragraphs: [
      "Puedes hablar de este aviso con nuestro contacto de privacidad (ver 'Contacto' más abajo).",
    ],
  }),
  duties: () => ({
    title: "Nuestras obligaciones",
    paragraphs: [
      "La ley nos obliga a mantener tus registros en privado, a darte este aviso de nuestras obligaciones y tus derechos, a avisarte si hay una filtración de tus registros y a seguir el aviso vigente. Podemos cambiar este aviso; un aviso nuevo cubre todos los registros que guardamos, y lo publicaremos en el programa y en nuestro sitio web y te ofreceremos una copia.",
    ],
  }),
  complaints: () => ({
    title: "Quejas",
    paragraphs: [
      `Si crees que no se respetaron tus derechos de privacidad, puedes presentar una queja ante nosotros (ver 'Contacto' más abajo) y ante ${OCR.es}. No tomaremos ninguna represalia contra ti por presentar una queja.`,
    ],
  }),
  contact: (s) => ({ title: "Contacto", paragraphs: contactLines(s, "es") }),
  effective_date: (s) => ({
    title: "Fecha de vigencia",
    paragraphs: [`Este aviso entra en vigor el ${s.effectiveOn}.`],
  }),
};

const WORDING: Record<NoticeLanguage, Wording> = { en: EN, es: ES };

/** The notice's version: the wording's version and the effective date the administrator set. */
export function noticeVersionOf(settings: Pick<NoticeSettings, "effectiveOn">): string {
  return `${NOTICE_TEXT_VERSION}/${settings.effectiveOn}`;
}

/** The whole notice in one language, filled in with the program's settings. */
export function composeNotice(settings: NoticeSettings, language: NoticeLanguage): NoticeDocument {
  const wording = WORDING[language];
  const header = language === "en" ? settings.header : settings.headerEs;
  const sections: NoticeSection[] = [{ key: "header", title: header, paragraphs: [] }];
  for (const key of NOTICE_PARTS) {
    if (key === "header" || (key === "fundraising" && !settings.fundraises)) continue;
    sections.push({ key, ...wording[key](settings) });
  }
  return { version: noticeVersionOf(settings), language, header, sections };
}

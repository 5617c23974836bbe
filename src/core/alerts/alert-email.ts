import type { Locale } from "../identity/identity.schema";
import type { AlertSeverity } from "./alerts.schema";

/**
 * The email that tells staff an urgent or emergency alert is waiting. Email is not a safe place for
 * health information: subject and body carry no participant details and no reason — only the
 * severity and a link that needs a signed-in staff session.
 */

export interface AlertEmailInput {
  alertId: string;
  severity: AlertSeverity;
  /** The installation's address, e.g. https://iop.example.org (no trailing slash needed). */
  baseUrl: string;
  /** Sent to the clinical director because nobody acknowledged it in time. */
  escalated: boolean;
  locale: Locale;
}

const SEVERITY_WORDS: Record<Locale, Record<AlertSeverity, string>> = {
  en: { info: "information", warning: "warning", urgent: "urgent", emergency: "emergency" },
  es: { info: "informativa", warning: "de advertencia", urgent: "urgente", emergency: "de emergencia" },
};

export function alertLink(baseUrl: string, alertId: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/staff/alerts/${encodeURIComponent(alertId)}`;
}

export function composeAlertEmail(input: AlertEmailInput): { subject: string; text: string } {
  const link = alertLink(input.baseUrl, input.alertId);
  const word = SEVERITY_WORDS[input.locale][input.severity];
  if (input.locale === "es") {
    return {
      subject: input.escalated
        ? `Bridgeway: una alerta ${word} sigue sin confirmar`
        : `Bridgeway: nueva alerta ${word}`,
      text: [
        input.escalated
          ? `Una alerta ${word} no ha sido confirmada a tiempo y ahora también es para usted.`
          : `Hay una nueva alerta ${word} para usted en Bridgeway.`,
        "",
        `Ábrala aquí (debe iniciar sesión): ${link}`,
        "",
        "Por privacidad, este correo no incluye datos de la persona.",
      ].join("\n"),
    };
  }
  const an = /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
  return {
    subject: input.escalated
      ? `Bridgeway: ${an} alert is still unacknowledged`
      : `Bridgeway: new ${word} alert`,
    text: [
      input.escalated
        ? `${an.charAt(0).toUpperCase()}${an.slice(1)} alert was not acknowledged in time and is now also for you.`
        : `There is a new ${word} alert for you in Bridgeway.`,
      "",
      `Open it here (sign-in required): ${link}`,
      "",
      "For privacy, this email does not include details about the person.",
    ].join("\n"),
  };
}

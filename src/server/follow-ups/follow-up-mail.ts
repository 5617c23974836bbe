/**
 * The follow-up survey emails, in the person's language. Content-free: the first name and a link,
 * never the program's service, a diagnosis or an answer (the email may be read by someone else).
 */
export function composeFollowUpEmail(
  language: "en" | "es",
  input: { firstName: string; link: string; closesOn: string; reminder: boolean },
): { subject: string; text: string } {
  if (language === "es") {
    return {
      subject: input.reminder ? "Recordatorio: unas preguntas breves" : "Unas preguntas breves",
      text: [
        `Hola, ${input.firstName}:`,
        "",
        input.reminder
          ? "Le escribimos de nuevo por si no vio nuestro mensaje. Nos gustaría saber cómo le va."
          : "Nos gustaría saber cómo le va. Responder toma unos 5 minutos.",
        "",
        `Abra este enlace para responder (funciona hasta el ${input.closesOn}, y una sola vez):`,
        input.link,
        "",
        "Si prefiere no recibir más mensajes como este, puede indicarlo en la misma página.",
        "Si está en crisis, llame o envíe un mensaje de texto al 988.",
      ].join("\n"),
    };
  }
  return {
    subject: input.reminder ? "Reminder: a few short questions" : "A few short questions",
    text: [
      `Hi ${input.firstName},`,
      "",
      input.reminder
        ? "We are writing again in case you missed our message. We would like to know how you are doing."
        : "We would like to know how you are doing. Answering takes about 5 minutes.",
      "",
      `Open this link to answer (it works until ${input.closesOn}, once):`,
      input.link,
      "",
      "If you would rather not get messages like this, you can say so on the same page.",
      "If you are in crisis, call or text 988.",
    ].join("\n"),
  };
}

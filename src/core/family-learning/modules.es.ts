import type { FamilyModuleCatalog } from "./module-content";

/**
 * Los módulos de aprendizaje para familias en español (tuteo, como el resto de la app). Son
 * educación general, nunca consejos sobre una persona concreta.
 */
export const FAMILY_MODULES_ES: FamilyModuleCatalog = {
  "health-condition-and-iop": {
    key: "health-condition-and-iop",
    title: "La adicción es un problema de salud",
    summary:
      "Qué es el trastorno por consumo de sustancias, qué hace un programa ambulatorio intensivo y qué esperar.",
    sections: [
      {
        heading: "Un problema de salud, no un defecto de carácter",
        paragraphs: [
          "El trastorno por consumo de sustancias es un problema de salud. El consumo repetido cambia la forma en que el cerebro maneja la recompensa, el estrés y el autocontrol; por eso dejarlo exige más que fuerza de voluntad. Influyen los genes, lo vivido, el estrés y la salud mental. Nadie elige desarrollarlo, y nadie en la familia lo ha causado.",
          "Verlo como un problema de salud no justifica el comportamiento dañino. Significa que, como la diabetes o la presión alta, responde al tratamiento, a los hábitos diarios y al apoyo de las personas cercanas. Tú eres una de esas personas.",
        ],
      },
      {
        heading: "Qué es un programa ambulatorio intensivo",
        paragraphs: [
          "Un programa ambulatorio intensivo (IOP, por sus siglas en inglés) ofrece varias horas de tratamiento a la semana mientras la persona sigue viviendo en casa. La mayoría se reúne de tres a cinco días por semana, unas tres horas cada vez, durante semanas o unos pocos meses. El horario exacto depende del programa y de lo que necesite cada persona.",
          "La mayor parte del tiempo se trabaja en grupo: se aprenden habilidades para manejar los antojos, el estrés y las emociones difíciles, y las personas se apoyan entre sí. También hay sesiones individuales con un consejero y, a veces, sesiones familiares, atención con medicamentos o ayuda con la vivienda y el trabajo.",
        ],
      },
      {
        heading: "Cómo se ve el progreso",
        paragraphs: [
          "El progreso casi nunca es una línea recta. Puede haber semanas buenas y semanas difíciles, sesiones perdidas, cambios de humor o una vuelta al consumo. Nada de eso significa que el tratamiento haya fracasado. Cambiar hábitos, y el cerebro, lleva tiempo, a menudo más que el propio programa.",
          "Las señales de progreso pueden ser pequeñas: presentarse, ser más sincero, dormir mejor, pedir ayuda antes. Fijarse en esos pequeños pasos importa.",
        ],
        points: [
          "Los detalles del tratamiento son privados. Solo verás lo que la persona decida compartir contigo.",
          "Puedes participar por derecho propio: aprendiendo, cuidándote y, cuando te inviten, en las sesiones familiares.",
        ],
      },
    ],
    exercise: {
      prompt:
        "¿Qué has pensado de la adicción hasta ahora, y qué idea de este módulo cambia tu forma de verla?",
      hint: "No hay respuestas correctas. Solo tú puedes ver lo que escribas aquí.",
    },
  },

  "safety-first": {
    key: "safety-first",
    title: "Primero, la seguridad",
    summary:
      "Reconocer la intimidación o la violencia, hacer un plan de seguridad personal y a quién llamar.",
    sections: [
      {
        heading: "Tu seguridad va antes que todo",
        paragraphs: [
          "Todo lo demás en estos módulos da por hecho que estás a salvo. Si la persona que te importa te ha hecho daño, te ha amenazado o te da miedo, sobre todo cuando consume, tu seguridad y la de los niños van primero. Ayudar a alguien en su recuperación nunca exige que te pongas en peligro.",
        ],
      },
      {
        heading: "Señales de alarma",
        paragraphs: ["Tómalas en serio, aunque hayan pasado solo una vez:"],
        points: [
          "amenazas de hacerte daño a ti, a sí mismo, a los niños o a las mascotas;",
          "empujones, jalones, golpes o romper cosas con rabia;",
          "controlar tu dinero, tu teléfono o con quién te ves;",
          "hacer que te dé miedo decir que no o no estar de acuerdo;",
          "armas en casa junto con mucho consumo o amenazas.",
        ],
      },
      {
        heading: "Un plan de seguridad personal",
        paragraphs: [
          "Un plan de seguridad es una lista corta que preparas con tiempo, cuando todo está tranquilo, para no tener que pensar bajo presión. Guárdala donde la otra persona no la encuentre.",
        ],
        points: [
          "Las señales que te indican que la situación se vuelve peligrosa, y cuándo salir de la habitación o de la casa.",
          "Un lugar seguro adonde ir y cómo llegarías, con las llaves, el teléfono y dinero a mano.",
          "Una o dos personas a quienes llamar o con quienes quedarte, y una palabra clave que signifique «necesito ayuda».",
          "Cómo mantener a los niños a salvo y lejos del conflicto.",
          "No empezar conversaciones serias cuando la persona está bajo los efectos de una sustancia.",
        ],
      },
      {
        heading: "A quién llamar",
        paragraphs: [
          "Si alguien corre peligro inmediato, llama al 911. Ante una crisis de salud mental o de suicidio, tuya o de la otra persona, llama o envía un mensaje de texto al 988. La Línea Nacional contra la Violencia Doméstica, 1-800-799-7233, es gratuita, confidencial y atiende a cualquier hora, también en español; te pueden ayudar a hacer un plan de seguridad aunque no sepas si lo que pasa cuenta como maltrato.",
          "Si no te sientes a salvo, puedes decírselo al personal del programa sin decirle nada a la persona a quien apoyas.",
        ],
      },
    ],
    exercise: {
      prompt:
        "Escribe los primeros pasos de tu propio plan de seguridad: una señal de alarma a la que estarías atento, adónde podrías ir y a quién llamarías.",
      hint: "Aunque hoy te sientas a salvo, un plan hecho con calma es útil. Esta respuesta es privada.",
    },
  },

  "positive-communication": {
    key: "positive-communication",
    title: "Comunicación positiva",
    summary: "Decir lo que necesitas de una manera que tenga más posibilidades de ser escuchada.",
    sections: [
      {
        heading: "Por qué importa cómo hablamos",
        paragraphs: [
          "Cuando alguien a quien queremos consume, es natural suplicar, sermonear, criticar o buscar una confrontación. Todo eso nace del miedo y del cariño, pero suele acabar en discusiones y en una actitud defensiva. La investigación con familias muestra que una comunicación tranquila y positiva ayuda más a que alguien se acerque al tratamiento que la confrontación.",
          "La comunicación positiva no consiste en fingir que todo va bien. Consiste en ser sincero de una forma que deje la puerta abierta.",
        ],
      },
      {
        heading: "Algunas herramientas sencillas",
        paragraphs: [],
        points: [
          "Habla desde el «yo»: «Me preocupo cuando llegas tarde y no contestas» en lugar de «Nunca piensas en nadie más».",
          "Haz peticiones cortas y concretas: «¿Vendrías a la sesión familiar del jueves?» en lugar de «Tienes que arreglar tu vida».",
          "Empieza con algo positivo, y que sea verdad: «Me encantó cenar juntos anoche».",
          "Muestra que entiendes: «Sé que esta semana ha sido difícil para ti».",
          "Ofrece ayuda o asume tu parte: «Yo podría llevarte».",
        ],
      },
      {
        heading: "Elige el momento",
        paragraphs: [
          "El momento importa tanto como las palabras. Evita las conversaciones importantes cuando la persona esté bajo los efectos de una sustancia o con resaca, o cuando alguno de los dos esté enojado o con prisa. Un momento tranquilo, cuando está sobria y las cosas van bien, es el mejor para pedir algo.",
          "Evita culpar, las etiquetas como «adicto» o «mentiroso» y sacar el pasado. Si la charla empieza a convertirse en pelea, está bien parar: «Hablemos de esto más tarde».",
          "Cambiar la forma de hablar requiere práctica. A veces volverás a los viejos hábitos, y es normal.",
        ],
      },
    ],
    exercise: {
      prompt:
        "Piensa en algo que sueles decir cuando estás preocupado o molesto. Reescríbelo como una frase corta desde el «yo», con una petición concreta y positiva.",
      hint: "Por ejemplo: «Siento miedo cuando… ¿Estarías dispuesto a…?»",
    },
  },

  "reinforcing-sober-time": {
    key: "reinforcing-sober-time",
    title: "Reforzar el tiempo sin consumo",
    summary: "Fijarte en los momentos sin sustancias, premiarlos y planear cosas agradables juntos.",
    sections: [
      {
        heading: "Fíjate en lo que va bien",
        paragraphs: [
          "Las personas tienden a repetir lo que les resulta gratificante. Las sustancias ofrecen una recompensa rápida, así que la recuperación necesita otras recompensas que puedan competir con ellas. La familia está en una buena posición para que el tiempo sin consumo valga la pena.",
          "Cuando estamos preocupados, vemos los días malos mucho más que los buenos. Intenta darle la vuelta: fíjate en los momentos en que la persona no consume y hazle saber que los valoras.",
        ],
      },
      {
        heading: "Maneras de premiar el no consumo",
        paragraphs: [
          "Las recompensas no tienen que costar dinero. Lo importante es que signifiquen algo para la persona y lleguen poco después del tiempo sin consumo.",
        ],
        points: [
          "Una palabra sincera: «Qué bien se está pasando la tarde contigo así».",
          "Tiempo juntos haciendo algo que le guste.",
          "Su comida favorita, una película, un paseo, un juego.",
          "Cariño físico, si es bienvenido en su relación.",
        ],
      },
      {
        heading: "Planea actividades sin sustancias",
        paragraphs: [
          "El aburrimiento y las viejas rutinas son desencadenantes frecuentes. Planear actividades agradables sin sustancias le da a la persona algo a lo que decir que sí. Piensa en lo que le gustaba antes de que las sustancias ocuparan tanto espacio, y en los momentos del día o de la semana en que suele consumir, como el viernes por la noche o al salir del trabajo.",
          "Cuando la persona está consumiendo, la otra cara de esta idea es apartarte con calma de esas recompensas: puedes no acompañarla o salir de la habitación. No es un castigo, y funciona mejor si lo haces con tranquilidad y sin sermones.",
          "Si hacerlo pudiera volver a la persona agresiva o peligrosa, pon primero la seguridad y habla con un consejero.",
        ],
      },
    ],
    exercise: {
      prompt:
        "Anota tres actividades sin sustancias que podrías proponer y un momento de la semana en que cada una ayudaría más.",
      hint: "Elige cosas que de verdad puedan gustarle, no solo las que crees que le convienen.",
    },
  },

  "natural-consequences": {
    key: "natural-consequences",
    title: "Dejar que lleguen las consecuencias naturales",
    summary: "Dejar de rescatar y poner límites que se dicen con cariño y se cumplen.",
    sections: [
      {
        heading: "Cuando ayudar mantiene el problema",
        paragraphs: [
          "Por cariño, las familias a menudo protegen a la persona de los resultados de su consumo: avisan al trabajo de que está enferma, pagan sus deudas, limpian lo que deja, ponen excusas ante los parientes. Es comprensible, pero puede quitarle justo las experiencias que le ayudarían a ver que algo tiene que cambiar.",
          "Dejar que lleguen las consecuencias naturales significa dejar de intervenir. Si se queda dormida después de consumir y falta al trabajo, no llamas a su jefe. Si gasta su dinero en sustancias, no se lo repones.",
        ],
      },
      {
        heading: "Límites dichos con cariño y cumplidos",
        paragraphs: [
          "Un límite habla de lo que tú vas a hacer, no es un intento de controlar lo que hace la otra persona. Funciona mejor si lo dices con calma, por adelantado, y luego lo cumples.",
        ],
        points: [
          "«Te quiero, y no voy a prestarte más dinero».",
          "«Si has bebido, no me voy a subir al coche contigo».",
          "«No voy a mentirle a tu familia sobre dónde estabas».",
        ],
      },
      {
        heading: "Ten en cuenta",
        paragraphs: [
          "Elige solo límites que estés dispuesto a cumplir; una amenaza vacía enseña que tus palabras se pueden ignorar. Al principio espera resistencia. Sé amable y breve, y evita el «ya te lo dije».",
          "Las consecuencias naturales no son un castigo ni un peligro. Nunca dejes que una consecuencia ponga en riesgo la vida o la seguridad de nadie: una sobredosis, una emergencia médica o una amenaza de violencia siempre requieren ayuda.",
          "Cuando llega una consecuencia, puede ser un buen momento para ofrecer apoyo con suavidad: «Si algún día quieres hablar con alguien de esto, te ayudo».",
        ],
      },
    ],
    exercise: {
      prompt:
        "Nombra algo que has estado haciendo para proteger a la persona de los resultados de su consumo. ¿Qué le dirías, con cariño, para dejar de hacerlo?",
      hint: "Empieza por algo pequeño: una situación en la que puedas mantenerte firme.",
    },
  },

  "lapses-and-relapse": {
    key: "lapses-and-relapse",
    title: "Deslices y recaídas",
    summary:
      "Por qué volver a consumir forma parte de muchas recuperaciones, cómo responder y qué hacer con lo que sientes.",
    sections: [
      {
        heading: "Un tropiezo, no el final",
        paragraphs: [
          "Muchas personas en recuperación vuelven a consumir en algún momento, sobre todo durante el primer año. Un desliz es una vuelta breve al consumo; una recaída es volver al patrón de antes. Cualquiera de los dos puede sentirse como un desastre para la familia, pero es algo frecuente al recuperarse de un problema de salud crónico. No significa que a la persona no le importe, ni que el tratamiento no haya servido.",
          "Lo que más importa es lo que pasa después. Un desliz del que se habla y del que se aprende puede fortalecer la recuperación.",
        ],
      },
      {
        heading: "Cómo puedes responder",
        paragraphs: [],
        points: [
          "Mantén toda la calma que puedas. El enojo y la culpa hacen más difícil ser sincero la próxima vez.",
          "Primero la seguridad: si hay señales de sobredosis, llama al 911.",
          "Espera a que esté sobria para hablarlo.",
          "Di lo que notaste y cómo te sientes, sin etiquetas: «Estoy preocupado. Quiero ayudarte a retomar el camino».",
          "Anímala a contárselo a su consejero. Volver al tratamiento o ir con más frecuencia es una muestra de fortaleza.",
          "Mantén con cariño los límites que hayas puesto.",
        ],
      },
      {
        heading: "Lo que tú sientes",
        paragraphs: [
          "Una vuelta al consumo puede despertar miedo, rabia, tristeza o una sensación de traición. Todo eso es normal. Puede que sientas ganas de rendirte, o que has fallado. Tú no causaste la recaída y no puedes controlarla.",
          "Dale a tus emociones un lugar: habla con alguien de confianza, escríbelas, ve a un grupo de apoyo para familias o habla con un consejero propio. Cuidarte en este momento no es egoísmo; te ayuda a responder como quieres.",
        ],
      },
    ],
    exercise: {
      prompt:
        "Si hubiera un desliz, ¿qué querrías decir en la primera conversación tranquila, y a quién acudirías para tu propio apoyo?",
      hint: "Escribirlo ahora, con calma, hace más fácil recordarlo después.",
    },
  },

  "caring-for-yourself": {
    key: "caring-for-yourself",
    title: "Cuidar de ti",
    summary: "Tu sueño, tu estrés y tus actividades, y un apoyo que sea solo para ti.",
    sections: [
      {
        heading: "Tú también importas",
        paragraphs: [
          "Convivir con el consumo de otra persona agota. Los familiares suelen dejar sus necesidades para el final: duermen mal, pierden el contacto con los amigos, abandonan sus aficiones y cargan con una preocupación constante. Con el tiempo, eso pasa factura a la salud.",
          "Cuidarte no es egoísmo ni significa rendirte con la persona. Los estudios de programas para familias han visto que el bienestar de los familiares mejora cuando también se ocupan de su propia vida, y una versión de ti más tranquila y sana puede ayudar mejor.",
        ],
      },
      {
        heading: "Lo básico de cada día",
        paragraphs: [],
        points: [
          "Sueño: mantén horarios regulares cuando puedas y una pequeña rutina para relajarte antes de dormir.",
          "Estrés: unas respiraciones lentas, un paseo o diez minutos a solas pueden bajar la presión.",
          "Comida y movimiento: comer a horas regulares y algo de actividad física ayudan al ánimo.",
          "Actividades agradables: recupera algo que te gustaba hacer, solo para ti.",
          "Personas: vuelve a hablar con un amigo o familiar que te haga bien.",
        ],
      },
      {
        heading: "Un apoyo solo para ti",
        paragraphs: [
          "No tienes que cargar con esto a solas. Hay grupos de ayuda mutua para familias, gratuitos, en persona y en línea: Al-Anon (para familiares y amigos de personas que beben), Nar-Anon (para familiares y amigos de personas que consumen drogas) y SMART Recovery Family & Friends (un enfoque práctico basado en habilidades). Cada grupo es distinto, así que está bien probar varios.",
          "Un consejero o terapeuta propio también puede ayudarte, sobre todo si te sientes decaído, con ansiedad o desbordado durante semanas. Tu médico es un buen lugar para empezar.",
          "Si alguna vez sientes que no hay esperanza o piensas en quitarte la vida, llama o envía un mensaje de texto al 988 a cualquier hora.",
        ],
      },
    ],
    exercise: {
      prompt: "Elige una cosa que harás por ti esta semana. ¿Cuándo la harás y qué podría impedírtelo?",
      hint: "Algo pequeño que de verdad puedas hacer vale más que un gran plan.",
    },
  },

  "overdose-and-naloxone": {
    key: "overdose-and-naloxone",
    title: "Sobredosis y naloxona",
    summary: "Las señales de una sobredosis, cómo funciona la naloxona y qué hacer.",
    sections: [
      {
        heading: "Señales de una sobredosis de opioides",
        paragraphs: [
          "Los opioides incluyen la heroína, el fentanilo y los analgésicos recetados. Hoy el fentanilo aparece en muchas drogas de la calle, también en pastillas y polvos que se venden como otra cosa, así que una sobredosis puede ocurrirle incluso a alguien que no cree que consume opioides.",
        ],
        points: [
          "no se despierta, o no responde a su nombre ni a un frotamiento firme en el esternón;",
          "respiración lenta, superficial o ausente, ronquidos o gorgoteos;",
          "labios y puntas de los dedos azulados o grisáceos;",
          "pupilas muy pequeñas;",
          "cuerpo flácido, piel pálida o húmeda y fría.",
        ],
      },
      {
        heading: "Qué hacer",
        paragraphs: [],
        points: [
          "Llama al 911. Di que la persona no respira o no se despierta.",
          "Dale naloxona si la tienes, siguiendo las instrucciones del envase.",
          "Ayúdala a respirar si sabes cómo, o ponla de lado.",
          "Quédate con ella. El efecto de la naloxona pasa antes que el de muchos opioides, así que la respiración puede volver a hacerse lenta; puede hacer falta una segunda dosis a los pocos minutos.",
        ],
      },
      {
        heading: "Sobre la naloxona",
        paragraphs: [
          "La naloxona (Narcan es una de sus marcas) revierte por un tiempo una sobredosis de opioides porque bloquea los opioides en el cerebro. El aerosol nasal es fácil de usar y no le hace daño a alguien que no haya tomado opioides. En Estados Unidos se puede comprar en farmacias sin receta; pregunta a cualquier farmacéutico. Guárdala donde tu familia sepa encontrarla y revisa la fecha de caducidad.",
          "Muchos estados tienen leyes del Buen Samaritano que dan cierta protección a quien pide ayuda durante una sobredosis.",
        ],
      },
      {
        heading: "Medicamentos para el trastorno por consumo de opioides",
        paragraphs: [
          "La buprenorfina, la metadona y la naltrexona son medicamentos para el trastorno por consumo de opioides. Reducen los antojos y la abstinencia y bajan el riesgo de morir por sobredosis. Tomarlos es un tratamiento, no «cambiar una droga por otra»; es como tomar cualquier medicina para una enfermedad de largo plazo. Apoyar a alguien que los toma según se los recetaron es una forma de apoyar su recuperación.",
        ],
      },
    ],
    exercise: {
      prompt:
        "¿Dónde conseguirías naloxona, dónde la guardarías en casa y quién más en el hogar debería saber dónde está?",
      hint: "Pensarlo ahora ahorra tiempo en una emergencia.",
    },
  },

  "after-iop": {
    key: "after-iop",
    title: "Después del programa",
    summary: "La atención continua cuando termina el programa y cómo puede apoyarla la familia.",
    sections: [
      {
        heading: "El final del programa no es el final de la recuperación",
        paragraphs: [
          "Terminar un programa ambulatorio intensivo es un logro que merece celebrarse. También es un momento de cambio: desaparece la estructura de varias sesiones a la semana, y los meses siguientes importan mucho. La recuperación suele ser más sólida cuando el tratamiento continúa de forma más ligera.",
        ],
      },
      {
        heading: "Qué puede incluir la atención continua",
        paragraphs: [],
        points: [
          "Un programa de menor intensidad o un grupo semanal de seguimiento.",
          "Consejería individual y atención de la salud mental.",
          "Seguir con la medicación para el trastorno por consumo, cuando esté recetada.",
          "Grupos de ayuda mutua o de recuperación, en persona o en línea.",
          "Citas regulares con un médico o consejero.",
        ],
      },
      {
        heading: "Cómo puede ayudar la familia",
        paragraphs: [
          "Pregunta, sin presionar, cuál es su plan para después del programa y cómo puedes ayudar. La ayuda práctica suele ser la que más cuenta: llevarla a las citas, una tarde tranquila antes de un grupo, un recordatorio que te haya pedido.",
          "Sigue haciendo lo que funciona: fíjate en el tiempo sin consumo y prémialo, planead cosas agradables juntos, habla con calma y de forma positiva, y deja que lleguen las consecuencias naturales. Espera algunos días difíciles y recuerda que un desliz es una señal para pedir ayuda, no un veredicto final.",
          "Sigue cuidándote. Los grupos para familias y tu propio apoyo son tan útiles después del programa como durante él.",
        ],
      },
    ],
    exercise: {
      prompt:
        "¿Cuáles son dos maneras prácticas de apoyar la atención continua después del programa, y qué apoyo mantendrás para ti?",
      hint: "Ayuda preguntarle a la persona qué tipo de ayuda agradecería.",
    },
  },
};

import type { FamilyModuleCatalog } from "./module-content";

/**
 * The family learning modules in English, written by the program in plain words. They teach the
 * principles that help families (positive communication, rewarding sober time, natural consequences,
 * self-care, safety) and are general education, never advice about a particular person.
 */
export const FAMILY_MODULES_EN: FamilyModuleCatalog = {
  "health-condition-and-iop": {
    key: "health-condition-and-iop",
    title: "Addiction is a health condition",
    summary: "What substance use disorder is, what an intensive outpatient program does, and what to expect.",
    sections: [
      {
        heading: "A condition, not a character flaw",
        paragraphs: [
          "Substance use disorder is a health condition. Repeated use changes how the brain handles reward, stress and self-control, which is why stopping takes more than willpower. Genes, life events, stress and mental health all play a part. Nobody chooses to develop it, and nobody in the family caused it.",
          "Seeing it as a health condition does not excuse harmful behaviour. It means that, like diabetes or high blood pressure, it responds to treatment, to daily habits and to the support of people nearby. You are one of those people.",
        ],
      },
      {
        heading: "What an intensive outpatient program is",
        paragraphs: [
          "An intensive outpatient program (IOP) offers several hours of treatment a week while the person keeps living at home. Most programs meet three to five days a week for about three hours at a time, over a period of weeks to a few months. The exact schedule depends on the program and on the person's needs.",
          "Most of the time is spent in groups, where people learn skills to handle cravings, stress and difficult feelings, and support one another. There are also individual sessions with a counselor, and sometimes family sessions, medication care or help with housing and work.",
        ],
      },
      {
        heading: "What progress looks like",
        paragraphs: [
          "Progress is rarely a straight line. There may be good weeks and hard weeks, missed sessions, mood swings, or a return to use. None of this means treatment has failed. Change in habits and in the brain takes time, often longer than the program itself.",
          "Signs of progress can be small: showing up, being more honest, sleeping better, reaching out for help sooner. Noticing these small steps matters.",
        ],
        points: [
          "Treatment details are private. You will see only what the person chooses to share with you.",
          "You can take part in your own right: learning, looking after yourself and, when invited, family sessions.",
        ],
      },
    ],
    exercise: {
      prompt:
        "What have you believed about addiction until now, and what is one thing from this module that changes how you see it?",
      hint: "There is no right answer. Only you can see what you write here.",
    },
  },

  "safety-first": {
    key: "safety-first",
    title: "Safety first",
    summary: "Recognising intimidation or violence, making a personal safety plan, and who to call.",
    sections: [
      {
        heading: "Your safety comes before everything else",
        paragraphs: [
          "Everything else in these modules assumes that you are safe. If the person you care about has hurt you, threatened you, or frightens you, especially when using, your safety and the safety of any children come first. Helping someone with their recovery never requires you to put yourself at risk.",
        ],
      },
      {
        heading: "Warning signs",
        paragraphs: ["Take these seriously, even if they have happened only once:"],
        points: [
          "threats to hurt you, themselves, children or pets;",
          "pushing, grabbing, hitting, or breaking things in anger;",
          "controlling your money, your phone or who you see;",
          "making you afraid to say no or to disagree;",
          "weapons in the home together with heavy use or threats.",
        ],
      },
      {
        heading: "A personal safety plan",
        paragraphs: [
          "A safety plan is a short list you make ahead of time, when things are calm, so you do not have to think under pressure. Keep it somewhere the other person will not find it.",
        ],
        points: [
          "Signs that tell you things are getting dangerous, and when to leave the room or the house.",
          "A safe place to go and how you would get there, with keys, phone and money ready.",
          'One or two people you can call or stay with, and a code word that means "I need help".',
          "How to keep children safe and out of the way.",
          "Not starting serious conversations when the person is intoxicated.",
        ],
      },
      {
        heading: "Who to call",
        paragraphs: [
          "If anyone is in immediate danger, call 911. For a mental health or suicide crisis, yours or theirs, call or text 988. The National Domestic Violence Hotline, 1-800-799-7233, is free, confidential and open at any hour; they can help you make a safety plan even if you are not sure whether what is happening counts as abuse.",
          "If you do not feel safe, you can tell the program's staff without saying anything to the person you support.",
        ],
      },
    ],
    exercise: {
      prompt:
        "Write the first steps of your own safety plan: a warning sign you would watch for, where you could go, and who you would call.",
      hint: "Even if you feel safe today, a plan made in calm times is useful. This answer stays private.",
    },
  },

  "positive-communication": {
    key: "positive-communication",
    title: "Positive communication",
    summary: "Saying what you need in a way that is more likely to be heard.",
    sections: [
      {
        heading: "Why the way we talk matters",
        paragraphs: [
          "When someone we love is using, it is natural to plead, lecture, criticise or try to force a confrontation. These come from fear and love, but they usually lead to arguments and defensiveness. Research with families shows that calm, positive communication does more to help someone move towards treatment than confrontation does.",
          "Positive communication is not about pretending everything is fine. It is about being honest in a way that keeps the door open.",
        ],
      },
      {
        heading: "Some simple tools",
        paragraphs: [],
        points: [
          'Use "I" statements: "I feel worried when you come home late and don\'t answer" rather than "You never think about anyone else".',
          'Make short, specific requests: "Would you come to the family session on Thursday?" rather than "You need to sort yourself out".',
          'Say something positive first, and mean it: "I loved having dinner together last night."',
          'Show that you understand: "I know this week has been hard for you."',
          'Offer to help, or take a share of responsibility: "I could drive you there."',
        ],
      },
      {
        heading: "Choose your moment",
        paragraphs: [
          "Timing matters as much as words. Avoid important conversations when the person is intoxicated, hungover, or when either of you is angry or rushed. A calm moment, when they are sober and things are going well, is the best time to ask for something.",
          'Avoid blame, labels such as "addict" or "liar", and bringing up the past. If the talk starts to turn into an argument, it is fine to stop: "Let\'s talk about this later."',
          "Changing how you talk takes practice. You will slip back into old habits sometimes, and that is normal.",
        ],
      },
    ],
    exercise: {
      prompt:
        'Think of something you often say when you are worried or upset. Rewrite it as a short "I" statement with one specific, positive request.',
      hint: 'For example: "I feel scared when… Would you be willing to…?"',
    },
  },

  "reinforcing-sober-time": {
    key: "reinforcing-sober-time",
    title: "Reinforcing sober time",
    summary: "Noticing and rewarding the times without substances, and planning enjoyable things together.",
    sections: [
      {
        heading: "Notice what is going well",
        paragraphs: [
          "People tend to repeat what feels rewarding. Substances offer a quick reward, so recovery needs other rewards to compete with them. Families are in a good position to make sober time feel worthwhile.",
          "When we are worried, we notice the bad days far more than the good ones. Try to turn that around: notice the times the person is not using, and let them know you appreciate them.",
        ],
      },
      {
        heading: "Ways to reward non-use",
        paragraphs: [
          "Rewards do not have to cost money. What counts is that they matter to the person and come soon after the sober time.",
        ],
        points: [
          'A sincere word: "It\'s really good to spend the evening with you like this."',
          "Time together doing something they enjoy.",
          "A favourite meal, a film, a walk, a game.",
          "Physical affection, if it is welcome in your relationship.",
        ],
      },
      {
        heading: "Plan substance-free activities",
        paragraphs: [
          "Boredom and old routines are common triggers. Planning enjoyable activities that do not involve substances gives the person something to say yes to. Think about what they used to enjoy before substances took over, and about times of day or week when use tends to happen, such as Friday evenings or after work.",
          "When the person is using, the other side of this idea is to step back quietly from the rewards: you might not join them, or you might leave the room. This is not a punishment, and it is best done calmly and without a lecture.",
          "If doing this could make the person angry or dangerous, put safety first and talk to a counselor.",
        ],
      },
    ],
    exercise: {
      prompt:
        "List three substance-free activities you could offer, and a time of the week when each would help most.",
      hint: "Choose things they might really enjoy, not only things you think are good for them.",
    },
  },

  "natural-consequences": {
    key: "natural-consequences",
    title: "Letting natural consequences happen",
    summary: "Stepping back from rescuing, and setting boundaries you say kindly and keep.",
    sections: [
      {
        heading: "When helping keeps the problem going",
        paragraphs: [
          "Out of love, families often protect a person from the results of their use: calling in sick for them, paying debts, cleaning up, making excuses to relatives. This is understandable, but it can remove the very experiences that help someone see that things need to change.",
          "Letting natural consequences happen means that you stop stepping in. If they oversleep after using and miss work, you do not phone their boss. If they spend their money on substances, you do not replace it.",
        ],
      },
      {
        heading: "Boundaries said kindly and kept",
        paragraphs: [
          "A boundary is a statement about what you will do, not an attempt to control what they do. It works best when it is said calmly, in advance, and then kept.",
        ],
        points: [
          '"I love you, and I\'m not going to lend money any more."',
          "\"If you've been drinking, I won't ride in the car with you.\"",
          '"I\'m not going to lie to your family about where you were."',
        ],
      },
      {
        heading: "Things to keep in mind",
        paragraphs: [
          'Choose only boundaries you are ready to keep; an empty threat teaches that your words can be ignored. Expect pushback at first. Stay kind and brief, and avoid "I told you so".',
          "Natural consequences are different from punishment and different from danger. Never let a consequence put anyone's life or safety at risk: an overdose, a medical emergency or a threat of violence always calls for help.",
          'When a consequence happens, it can be a moment to gently offer support: "If you ever want to talk to someone about this, I\'ll help you."',
        ],
      },
    ],
    exercise: {
      prompt:
        "Name one thing you have been doing to protect the person from the results of their use. What would you say, kindly, to stop doing it?",
      hint: "Start small: one situation you can keep to.",
    },
  },

  "lapses-and-relapse": {
    key: "lapses-and-relapse",
    title: "Lapses and relapse",
    summary:
      "Why a return to use is part of many recoveries, how to respond, and what to do with your feelings.",
    sections: [
      {
        heading: "A setback, not the end",
        paragraphs: [
          "Many people in recovery use again at some point, especially in the first year. A lapse is a short return to use; a relapse is a return to the old pattern. Either can feel like a disaster to a family, but it is a common part of recovering from a chronic health condition. It does not mean the person does not care, or that treatment is wasted.",
          "What matters most is what happens next. A lapse that is talked about and learned from can make recovery stronger.",
        ],
      },
      {
        heading: "How you can respond",
        paragraphs: [],
        points: [
          "Stay as calm as you can. Anger and blame make it harder to be honest next time.",
          "Put safety first: if there are signs of overdose, call 911.",
          "Wait until they are sober to talk about it.",
          'Say what you noticed and how you feel, without labels: "I\'m worried. I want to help you get back on track."',
          "Encourage them to tell their counselor. Going back to treatment or going more often is a sign of strength.",
          "Keep the boundaries you have set, kindly.",
        ],
      },
      {
        heading: "Your own feelings",
        paragraphs: [
          "A return to use can bring up fear, anger, grief, or a sense of betrayal. All of these are normal. You might feel like giving up, or feel that you failed. You did not cause the relapse, and you cannot control it.",
          "Give your feelings somewhere to go: talk with someone you trust, write them down, go to a family support group, or speak with a counselor of your own. Looking after yourself at this time is not selfish; it helps you respond the way you want to.",
        ],
      },
    ],
    exercise: {
      prompt:
        "If a lapse happened, what would you want to say in the first calm conversation, and who would you turn to for your own support?",
      hint: "Writing it now, in a calm moment, makes it easier to remember later.",
    },
  },

  "caring-for-yourself": {
    key: "caring-for-yourself",
    title: "Taking care of yourself",
    summary: "Your sleep, stress and activities, and support that is just for you.",
    sections: [
      {
        heading: "You matter too",
        paragraphs: [
          "Living with someone's substance use is exhausting. Family members often put their own needs last: they sleep badly, lose touch with friends, drop hobbies and carry constant worry. Over time this takes a real toll on health.",
          "Looking after yourself is not selfish and it is not giving up on the person. Studies of family programs have found that family members' own wellbeing improves when they focus on their lives too, and a calmer, healthier you is better able to help.",
        ],
      },
      {
        heading: "Everyday basics",
        paragraphs: [],
        points: [
          "Sleep: keep regular hours where you can, and a short wind-down routine.",
          "Stress: a few slow breaths, a walk, or ten minutes alone can lower the pressure.",
          "Food and movement: regular meals and some physical activity help mood.",
          "Enjoyable activities: bring back one thing you used to enjoy, just for you.",
          "People: reconnect with a friend or relative who lifts you up.",
        ],
      },
      {
        heading: "Support that is just for you",
        paragraphs: [
          "You do not have to carry this alone. Mutual-help groups for families are free and meet in person and online: Al-Anon (for families and friends of people who drink), Nar-Anon (for families and friends of people who use drugs), and SMART Recovery Family & Friends (a practical, skills-based approach). Groups differ, so it is fine to try a few.",
          "A counselor or therapist of your own can also help, especially if you feel low, anxious or overwhelmed for weeks at a time. Your doctor is a good place to start.",
          "If you ever feel hopeless or think about ending your life, call or text 988 at any hour.",
        ],
      },
    ],
    exercise: {
      prompt:
        "Choose one thing you will do for yourself this week. When will you do it, and what might get in the way?",
      hint: "Something small you can really do counts more than a big plan.",
    },
  },

  "overdose-and-naloxone": {
    key: "overdose-and-naloxone",
    title: "Overdose and naloxone",
    summary: "The signs of an overdose, how naloxone works, and what to do.",
    sections: [
      {
        heading: "Signs of an opioid overdose",
        paragraphs: [
          "Opioids include heroin, fentanyl and prescription painkillers. Fentanyl is now found in many street drugs, including pills and powders sold as something else, so an overdose can happen even to someone who does not think they use opioids.",
        ],
        points: [
          "cannot be woken, or does not respond to their name or a firm rub on the breastbone;",
          "slow, shallow or no breathing, snoring or gurgling sounds;",
          "blue or grey lips and fingertips;",
          "very small pupils;",
          "limp body, pale or clammy skin.",
        ],
      },
      {
        heading: "What to do",
        paragraphs: [],
        points: [
          "Call 911. Say the person is not breathing or cannot be woken.",
          "Give naloxone if you have it, following the instructions on the pack.",
          "Support their breathing if you know how, or place them on their side.",
          "Stay with them. Naloxone wears off sooner than many opioids, so breathing can slow again; a second dose may be needed after a few minutes.",
        ],
      },
      {
        heading: "About naloxone",
        paragraphs: [
          "Naloxone (Narcan is one brand) reverses an opioid overdose for a time by blocking opioids in the brain. The nasal spray is easy to use and does no harm to someone who has not taken opioids. In the United States you can buy it at pharmacies without a prescription; ask any pharmacist. Keep it where family members know to find it, and check the expiry date.",
          "Many states have Good Samaritan laws that give some protection to people who call for help during an overdose.",
        ],
      },
      {
        heading: "Medications for opioid use disorder",
        paragraphs: [
          'Buprenorphine, methadone and naltrexone are medications for opioid use disorder. They reduce cravings and withdrawal and lower the risk of dying from an overdose. Taking them is treatment, not "swapping one drug for another"; it is like taking any medicine for a long-term condition. Supporting someone who takes medication as prescribed is a way of supporting their recovery.',
        ],
      },
    ],
    exercise: {
      prompt:
        "Where would you get naloxone, where would you keep it at home, and who else in the household should know where it is?",
      hint: "Thinking it through now saves time in an emergency.",
    },
  },

  "after-iop": {
    key: "after-iop",
    title: "After IOP",
    summary: "Continuing care after the program ends, and how family can support it.",
    sections: [
      {
        heading: "The end of the program is not the end of recovery",
        paragraphs: [
          "Finishing an intensive outpatient program is an achievement worth celebrating. It is also a time of change: the structure of several sessions a week falls away, and the months that follow matter a great deal. Recovery is usually strongest when treatment continues in a lighter form.",
        ],
      },
      {
        heading: "What continuing care can include",
        paragraphs: [],
        points: [
          "A step-down program or a weekly aftercare group.",
          "Individual counseling, and care for mental health.",
          "Continuing medication for a substance use disorder, when it is prescribed.",
          "Mutual-help or recovery groups, in person or online.",
          "Regular check-ins with a doctor or counselor.",
        ],
      },
      {
        heading: "How family can help",
        paragraphs: [
          "Ask, without pressure, what their plan for after the program is and how you can help. Practical help often matters most: a lift to appointments, a quiet evening before a group, a reminder they asked for.",
          "Keep doing what works: notice and reward sober time, plan enjoyable things together, talk in a calm and positive way, and let natural consequences happen. Expect some hard days, and remember that a lapse is a signal to reach out for help, not a final verdict.",
          "Keep looking after yourself. Family groups and your own support are just as useful after the program as during it.",
        ],
      },
    ],
    exercise: {
      prompt:
        "What are two practical ways you could support continuing care after the program, and what support will you keep for yourself?",
      hint: "It helps to ask the person which kinds of help they would welcome.",
    },
  },
};

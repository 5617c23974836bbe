import { randomUUID } from "node:crypto";
import type { PlanContent } from "../../core/treatment-plans/plan.schema";

/** A complete plan content: one problem with a goal, a measurable objective and an intervention. */
export function aCompletePlan(startsOn = "2026-03-09"): PlanContent {
  return {
    problems: [
      {
        id: randomUUID(),
        title: "Alcohol use",
        templateKey: "alcohol-use",
        sources: [{ kind: "participant_words", ref: null, label: "“I drink every night to sleep.”" }],
        goal: {
          participantWords: "Stop drinking and sleep without it.",
          clinical: "Achieve and maintain abstinence from alcohol.",
        },
        objectives: [
          {
            id: randomUUID(),
            statement: "Identify three triggers and a coping response for each",
            measure: { kind: "count", target: 3, unit: "triggers with a coping response" },
            targetOn: startsOn.replace(/-\d\d$/, "-30"),
            status: "not_started",
          },
        ],
        interventions: [
          {
            id: randomUUID(),
            kind: "group",
            what: "Relapse prevention group",
            frequency: "3 times a week",
            responsible: "Track facilitator",
          },
        ],
      },
    ],
    strengths: ["Supportive sister"],
    barriers: ["Works late shifts"],
    dischargeCriteria: ["Attends at least 9 hours a week for 4 consecutive weeks"],
  };
}

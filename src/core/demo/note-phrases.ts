import type { CurriculumCategory } from "../curriculum/module.schema";
import type { NoteIntervention, ParticipationLevel } from "../notes/note.schema";

/**
 * The wording the demo's clinical notes are built from (English, written for the demo). Each pool
 * is one independent part of a note; note-stories.ts picks one phrase per part and fills its slots:
 * {name} the participant's first name, {skill} a skill the module teaches, {title} the module or
 * topic, {context} a situation from the participant's life, {when} a time in the coming week, {n} a
 * small number. Varied enough that honest entries in one note, and one person's entries over weeks,
 * do not read alike to the cloned-entry check. Pure data.
 */

/** What a session of each kind of module is about, for the shared narrative. */
export const CATEGORY_FOCUS: Record<CurriculumCategory, readonly string[]> = {
  relapse_prevention: [
    "how warning signs build quietly before a lapse and the points where a person can still step in",
    "the difference between a craving, a slip and a return to old patterns, and what to do at each point",
  ],
  cbt: [
    "how a thought about a situation shapes what we feel and then what we do",
    "catching an automatic thought, testing it against the facts and trying a more balanced one",
  ],
  dbt: [
    "skills for getting through intense moments without making them worse",
    "noticing emotions early, naming them and choosing a response instead of reacting",
  ],
  motivational: [
    "what each person wants their life to look like and how their use fits or clashes with it",
    "the mixed feelings most people have about change and how to hear both sides honestly",
  ],
  life_skills: [
    "practical routines that make the week more predictable and leave less room for high-risk gaps",
    "everyday skills that recovery leans on: planning, asking clearly and handling setbacks",
  ],
  wellness: [
    "how sleep, food and movement affect mood and cravings from one day to the next",
    "small, realistic changes to daily habits that protect early recovery",
  ],
  family_education: [
    "addiction as a health condition and how families can support without taking over",
    "communication and limits at home during early recovery",
  ],
  co_occurring: [
    "how mood and anxiety symptoms interact with substance use and which skills help with both",
    "staying grounded and steady when symptoms flare, without turning to substances",
  ],
};

export const NARRATIVE_OPENINGS = [
  "The group began with a round of check-ins on the past few days and on last session's practice assignment; {count} participants attended.",
  "{count} participants were present. The facilitator opened with a brief check-in in which each person rated their week and named one thing that went well.",
  "Session opened with a two-minute breathing exercise followed by check-ins ({count} participants present); several members reported on the practice assignment.",
  "With {count} participants in the room, the group started by reviewing the group agreements and hearing how the week's practice had gone.",
  "Check-in went around the circle ({count} present): members shared a current craving rating and one stressor from the week.",
] as const;

export const NARRATIVE_TEACHING = [
  "The teaching portion on {title} covered {focus}.",
  "The facilitator introduced {title}, focusing on {focus}, and used examples the group offered.",
  "Psychoeducation on {title} addressed {focus}; the handout was read aloud and discussed.",
  "Today's topic was {title}. Discussion centred on {focus}.",
] as const;

export const NARRATIVE_PRACTICE = [
  "Participants practised {skill} in pairs using a situation from their own week, then reported back to the whole group.",
  "The group rehearsed {skill} through short role-plays; peers gave feedback on what worked.",
  "Each member completed the worksheet on {skill} and shared one answer with the group.",
  "The practice segment walked through {skill} step by step with a volunteer, after which everyone tried it on a recent example.",
  "Members worked in small groups to apply {skill} to scenarios they chose, and each group presented its plan.",
] as const;

export const NARRATIVE_CLOSINGS = [
  "The session closed with each participant naming one step for the coming week; the practice assignment was explained.",
  "To close, members identified when they would try the skill before the next session and who they could call if cravings rose.",
  "Closing round: one word for how each person was leaving the room. The between-session assignment was handed out.",
  "The group ended with a short reflection and a reminder of the program's after-hours support line.",
] as const;

/** How the participant took part, by participation level (the entry's first sentence). */
export const ENGAGEMENT: Record<ParticipationLevel, readonly string[]> = {
  active: [
    "{name} volunteered to start the check-in and stayed engaged for the whole session.",
    "{name} took an active part, asking questions during the teaching and offering examples.",
    "{name} was one of the most involved members today and encouraged a newer peer.",
    "{name} spoke often and stayed on topic, building on what others had said.",
    "{name} contributed readily and offered feedback to peers during the practice.",
    "{name} arrived prepared, had done the assignment and discussed it openly.",
    "{name} led the pair exercise and kept the conversation focused.",
    "{name} engaged fully, at times with humour, and kept the discussion grounded in real examples.",
  ],
  when_prompted: [
    "{name} spoke when invited and gave considered answers.",
    "{name} was quiet at first but participated once the facilitator asked directly.",
    "{name} answered questions when called on and joined the pair work without hesitation.",
    "{name} contributed mainly during the small-group part, less in the full circle.",
    "{name} needed a prompt to begin but then described the week in some detail.",
    "{name} listened closely and responded when peers asked for an opinion.",
  ],
  minimal: [
    "{name} was present and attentive but said little.",
    "{name} offered a brief check-in and otherwise mostly listened.",
    "{name} appeared tired and participated only briefly.",
    "{name} kept to short answers and passed on the sharing round.",
  ],
  none: [
    "{name} attended and listened but chose not to speak today.",
    "{name} declined to share in the group and was given space to observe.",
  ],
};

/** What they practised with the module's skill (active or prompted participation). */
export const PRACTICE = [
  "Practised {skill} using a recent situation {context}.",
  "Applied {skill} to a moment {context} and walked the group through it.",
  "During the exercise used {skill} on a real example {context}.",
  "Worked through {skill} with a partner, choosing a situation {context}.",
  "Tried {skill} in the role-play, playing out a scene {context}.",
  "Filled in the worksheet on {skill} with an example {context}.",
  "Described using {skill} over the weekend {context}, with mixed results.",
  "Mapped out how {skill} could have changed a situation {context}.",
  "Rehearsed {skill} aloud twice, the second time more confidently, about a scene {context}.",
  "Identified where {skill} fits in a typical evening {context}.",
] as const;

/** What they did when they took little part. */
export const PRACTICE_QUIET = [
  "Followed the demonstration of {skill} and completed the worksheet without discussing it.",
  "Watched the role-play on {skill}; said afterwards that it was useful to see.",
  "Completed part of the exercise on {skill} and took the handout home.",
  "Listened to peers' examples of {skill} and nodded along to one about a situation {context}.",
] as const;

/** Situations from participants' lives (the {context} slot). */
export const CONTEXTS = [
  "after an argument with a partner",
  "on the drive home from work",
  "at a family birthday",
  "when payday arrived",
  "while waiting for a court date",
  "after a poor night's sleep",
  "at a friend's barbecue where alcohol was served",
  "during a slow, empty Sunday",
  "after a difficult call with a parent",
  "when an old contact texted",
  "walking past a former liquor store",
  "after being criticised by a supervisor",
  "while caring for a sick child",
  "during a sleepless night",
  "at a sports game with coworkers",
  "after a disappointing job interview",
  "on the anniversary of a loss",
  "when feeling left out by friends",
  "after a medical appointment",
  "during a long wait at the benefits office",
  "on a Friday night alone",
  "after school, when the house was empty",
  "while scrolling through old photos",
  "when a roommate brought beer home",
  "after a tense visit with a former partner",
  "on a break between shifts",
  "during a heavy week of exams",
  "at a wedding reception",
] as const;

/** Something they said or noticed (a reflection). */
export const REFLECTIONS = [
  "Said the hardest part is noticing the first signs before they build.",
  "Noted that cravings have been lower since starting a regular bedtime.",
  "Reported a craving of {n}/10 at check-in, down from the week before.",
  "Recognised a pattern of isolating when stressed and named it without prompting.",
  "Shared that a friend had noticed a change in mood for the better.",
  "Admitted the assignment was skipped and talked through what got in the way.",
  "Expressed frustration with the pace of progress but stayed with the exercise.",
  "Connected today's material to an earlier lapse and described what was different now.",
  "Said that writing things down makes the skill feel less abstract.",
  "Described feeling more confident saying no in front of others.",
  "Observed that hunger and fatigue showed up in most of the hard moments this week.",
  "Spoke about guilt toward family and received supportive feedback from peers.",
  "Reported {n} days in a row without use and credited the daily check-ins.",
  "Questioned whether the skill would work under real pressure; peers shared their experience.",
  "Reflected that anger tends to come before cravings rather than after.",
  "Mentioned a stronger connection with a sponsor since the last session.",
] as const;

/** What they plan before the next session. */
export const PLANS = [
  "Plans to use the skill {when} and report back.",
  "Agreed to complete the practice assignment {when}.",
  "Will try the skill {when} and write down what happened.",
  "Set a goal to call a support person {when} instead of waiting it out alone.",
  "Chose to practise {when}, when the risk is usually highest.",
  "Committed to bringing one example from {when} to the next group.",
  "Will share the handout with a family member {when}.",
  "Intends to rehearse the script {when} before facing the situation again.",
] as const;

/** When in the coming week (the {when} slot). */
export const WHENS = [
  "on the way home from work",
  "over the weekend",
  "each evening before bed",
  "on Thursday evening",
  "first thing in the morning",
  "at lunchtime",
  "before the next family visit",
  "after school",
  "during the next shift break",
  "on payday",
] as const;

export const MOODS = [
  "Euthymic; full range of affect, bright at times.",
  "Mildly anxious; affect congruent, settled as the session went on.",
  "Tired; flat affect early, more animated by the end.",
  "Calm and cooperative; appropriate affect.",
  "Irritable at check-in; affect constricted, eased during practice.",
  "Low mood reported; tearful briefly when discussing family.",
  "Upbeat; affect bright and reactive.",
  "Guarded; limited eye contact, affect restricted.",
  "Reports feeling 'steady'; affect even.",
  "Restless, fidgeting; anxious affect that lessened after the breathing exercise.",
  "Pleasant and engaged; affect congruent with content.",
  "Subdued; soft-spoken with a sad affect.",
  "Hopeful; smiling appropriately, good eye contact.",
  "Frustrated about a work situation; affect tense but appropriate.",
] as const;

/** Risk observations and what follows from them (a few entries). */
export const RISKS: readonly { observation: string; followUp: string }[] = [
  {
    observation:
      "Reported a strong craving over the weekend without use; denied thoughts of self-harm. Safety plan reviewed after group.",
    followUp: "Primary counselor to check in by phone before the next session.",
  },
  {
    observation: "Disclosed one episode of use since the last session; open about it and asked for support.",
    followUp: "Review the lapse and update the relapse prevention plan in the next individual session.",
  },
  {
    observation:
      "Said sleep has been very poor and low mood has returned; denied suicidal ideation when asked.",
    followUp: "Flag for the prescriber: ask about sleep and mood at the next visit.",
  },
  {
    observation: "Mentioned staying with a friend who is still using; recognises the risk.",
    followUp: "Counselor to discuss housing options and a plan for evenings.",
  },
  {
    observation: "Appeared drowsy at the start of group; denied recent use and was alert by the break.",
    followUp: "Counselor to follow up about medications and sleep before the next group.",
  },
  {
    observation: "Described rising conflict at home; no safety concerns reported, no violence.",
    followUp: "Offer a family session in the next two weeks.",
  },
];

/** A follow-up without a risk (practical needs). */
export const PRACTICAL_FOLLOW_UPS = [
  "Asked for a letter confirming attendance for an employer.",
  "Needs help with transportation to group next week.",
  "Requested information about a local peer support meeting.",
  "Asked to move an individual session because of a new work schedule.",
] as const;

/** A comment on progress toward a plan objective. */
export const OBJECTIVE_COMMENTS = [
  "Today's practice of {skill} served this objective directly.",
  "Gave a concrete example from the week that shows movement on this.",
  "Discussed this objective in group; says it still feels hard.",
  "Linked the session's skill to this objective without prompting.",
  "Reported using the plan for this objective twice since the last group.",
  "Talked about what is getting in the way of this objective.",
] as const;

/** Sections of individual and family notes (DAP, BIRP, SOAP) and what goes in them. */
export const SESSION_REPORTS = [
  "Reported a mostly stable week with {n} days of cravings rated moderate.",
  "Described a stressful week at work and two evenings of strong urges, without use.",
  "Reports attending all groups this week and feeling more connected to peers.",
  "Said sleep has improved since starting the wind-down routine.",
  "Disclosed a brief lapse at the weekend and talked about what led up to it.",
  "Reported conflict with a family member and feeling unsure how to repair it.",
  "Shared that a court date is approaching and anxiety has increased.",
  "Describes more energy and has started walking in the mornings.",
  "Reports the medication is helping and side effects have eased.",
  "Said a friend from the past reached out and the offer to meet was declined.",
] as const;

export const SESSION_OBSERVATIONS = [
  "Arrived on time, casually dressed, good eye contact; speech normal in rate and tone.",
  "Appeared tired; engaged well once the session started; thought process linear.",
  "Alert and oriented; affect anxious but reactive; no signs of intoxication.",
  "Calm and cooperative; mood described as 'okay', affect congruent.",
  "Tearful at times when discussing family; able to regroup; no safety concerns voiced.",
  "Animated and talkative; insight improving; judgement fair.",
] as const;

export const SESSION_WORK = [
  "Reviewed the week using a chain analysis of the hardest moment and identified where a skill could have been used.",
  "Used motivational interviewing to explore the pros and cons of cutting contact with an old friend.",
  "Worked on a written plan for the next high-risk situation, including who to call.",
  "Practised a refusal script through role-play until it felt natural.",
  "Reviewed progress on the treatment plan objectives and adjusted the weekly steps.",
  "Explored thinking traps behind the recent low mood and practised finding a balanced thought.",
  "Taught a grounding exercise and practised it twice in session.",
  "Discussed practical barriers (transport, childcare) and connected to case management.",
] as const;

export const SESSION_RESPONSES = [
  "Engaged well and was able to name two warning signs from the week.",
  "Receptive; completed the exercise and said it felt useful.",
  "Ambivalent at first, then identified a reason for change in their own words.",
  "Responded well to the role-play and asked to repeat it next time.",
  "Struggled to find examples but agreed to keep a log this week.",
  "Showed good insight into the pattern and proposed their own next step.",
] as const;

export const SESSION_ASSESSMENTS = [
  "Progressing; coping skills are being used more consistently and cravings are lower.",
  "Stable; attendance is good and risk remains low to moderate.",
  "Mixed progress: skills understood but not yet used under stress. Continue current level of care.",
  "Increased stress this week without use; protective factors intact.",
  "Recent lapse handled openly, which is a strength; relapse risk moderate. Plan reviewed.",
  "Motivation is growing; still ambivalent about some changes.",
] as const;

export const SESSION_PLANS = [
  "Continue IOP groups as scheduled; practise the skill daily and log urges.",
  "Update the relapse prevention plan with the new triggers; share it with the sponsor.",
  "Coordinate with the prescriber about sleep; continue weekly individual sessions.",
  "Family session to be offered; continue current treatment plan.",
  "Complete the values worksheet before the next session; continue groups.",
  "Call the peer support line at least twice this week; review in the next session.",
] as const;

export const NEXT_SESSIONS = [
  "Review the urge log and the first week of the updated plan.",
  "Follow up on the family conversation and practise I-statements.",
  "Check on sleep and mood; revisit the safety plan.",
  "Continue work on the objective around high-risk evenings.",
  "Prepare for the court date: stress plan and supports.",
  "Review the values worksheet and pick one step for the week.",
] as const;

/** What family sessions work on (the {attendees} slot names those present). */
export const FAMILY_WORK = [
  "Met with {name} and {attendees}. Provided education on addiction as a health condition and answered questions about the program.",
  "Family session with {name} and {attendees} focused on communication at home; practised reflecting back before responding.",
  "With {attendees} present, {name} described what has helped most so far; the family discussed realistic expectations for early recovery.",
  "Session with {name} and {attendees} on setting and keeping boundaries around money and visits.",
] as const;

export const FAMILY_RESPONSES = [
  "The family listened well; {name} said it was the first calm conversation about this in months.",
  "Some tension early on, which eased as each person had time to speak.",
  "Family members asked for written material, which was provided.",
  "Everyone agreed to one change at home for the coming week.",
] as const;

export const INDIVIDUAL_INTERVENTIONS: readonly NoteIntervention[] = [
  "cbt",
  "motivational_interviewing",
  "relapse_prevention",
  "supportive",
  "mindfulness",
  "case_management",
  "dbt_skills",
];
export const FAMILY_INTERVENTIONS: readonly NoteIntervention[] = [
  "family_systems",
  "psychoeducation",
  "supportive",
  "motivational_interviewing",
];

/** Reasons and texts of addenda written after signing. */
export const ADDENDA: readonly { reason: string; body: string }[] = [
  {
    reason: "Later information",
    body: "After the session the participant's sponsor called to confirm they attended a meeting that evening.",
  },
  {
    reason: "Correction",
    body: "The craving rating recorded at check-in should read moderate, not high; the rest of the note stands.",
  },
  {
    reason: "Clarification",
    body: "The follow-up was completed by phone two days later; no further concerns were raised.",
  },
  {
    reason: "Later information",
    body: "The prescriber reviewed the concern noted here and adjusted the medication schedule.",
  },
];

/** What a counselor keeps in a SUD counseling note: their analysis of the conversation. */
export const COUNSELING_NOTES = [
  "My impression is that the ambivalence about stopping contact with the old group is mostly about loneliness, not loyalty. Worth exploring slowly; pushing too hard last time led to withdrawal.",
  "The story about the brother came up again, told with more anger than before. I suspect this is where much of the shame sits. Do not rush it; let it come when ready.",
  "Noticed I was doing most of the talking in the second half. Next time try more open questions and longer pauses; the best material came when I stayed quiet.",
  "Seems to test whether I will judge the lapse. Responding calmly seemed to build trust. Keep the focus on what was learned.",
  "Hypothesis: the anxiety spikes before the weekend are tied to custody handovers more than to cravings. Check this gently next session.",
] as const;

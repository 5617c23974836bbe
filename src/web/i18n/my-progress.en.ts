/** English strings of "My plan and progress": the plan's goals with their steps, and the participant's own measures. */
export const myProgressEn = {
  page: {
    title: "My plan and progress",
    intro:
      "Your goals, the steps toward them, and how your answers to questionnaires have changed over time.",
  },
  plan: {
    title: "My goals",
    loading: "Loading your plan",
    loadError: "Your plan could not be loaded.",
    none: "Your counselor will make your plan with you. Your goals will show here.",
    goal: "Goal {{number}}: {{title}}",
    whatIWant: "What I want",
    steps: "Steps toward it",
    stepsDone: "{{met}} of {{total}} steps reached",
    noSteps: "No steps yet.",
    byDate: "Aim: by {{date}}",
    openPlan: "Read my whole plan and signatures",
  },
  measures: {
    title: "My questionnaires over time",
    intro:
      "Each line shows your own scores on a questionnaire you filled in. Scores go up and down; what matters is the direction over weeks. Talk them over with your counselor.",
    loading: "Loading your questionnaires",
    loadError: "Your questionnaires could not be loaded.",
    none: "When you fill in questionnaires, your scores will show here over time.",
    lowerIsBetter: "Lower scores mean fewer troubles.",
    higherIsBetter: "Higher scores mean feeling better.",
    range: "Scores go from {{min}} to {{max}}.",
    latest: "Your latest score: {{score}} on {{date}}.",
    tableCaption: "Your {{name}} scores by date",
    date: "Date",
    score: "Score",
    chartLoading: "Loading the chart",
    showTable: "Show the numbers",
    hideTable: "Hide the numbers",
  },
  instruments: {
    phq9: {
      name: "Mood (PHQ-9)",
      asks: "How often low mood, low interest and related troubles bothered you over two weeks.",
    },
    phqa: {
      name: "Mood (PHQ-A)",
      asks: "How often low mood, low interest and related troubles bothered you over two weeks.",
    },
    gad7: { name: "Worry (GAD-7)", asks: "How often worry and feeling on edge bothered you over two weeks." },
    who5: {
      name: "Well-being (WHO-5)",
      asks: "How often you felt cheerful, calm, active and rested over two weeks.",
    },
    audit: { name: "Alcohol (AUDIT)", asks: "Your drinking and how it has affected you." },
    audit_c: { name: "Alcohol (AUDIT-C)", asks: "How often and how much you drink." },
    dast10: {
      name: "Drug use (DAST-10)",
      asks: "Your drug use and how it has affected you over the past year.",
    },
    crafft: { name: "Alcohol and drugs (CRAFFT)", asks: "Situations around alcohol and drug use." },
    pcl5: {
      name: "Stress after hard events (PCL-5)",
      asks: "How much reactions to a very stressful event bothered you in the last month.",
    },
    other: { name: "Questionnaire ({{key}})", asks: "A questionnaire your care team asked you to fill in." },
  },
};

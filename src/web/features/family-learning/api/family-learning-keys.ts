/** Query keys of the family member's own learning progress and check-ins. */
export const familyLearningKey = ["family", "learning"] as const;
export const familyCheckInsKey = ["family", "check-ins"] as const;

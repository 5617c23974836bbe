/**
 * The consent hook for family and support persons. The consents issue fills this in from the
 * participant's signed consents (42 CFR Part 2 §2.31); until then nothing is shared, so family access
 * is always denied.
 */
export interface FamilyConsentQuery {
  /** The family member's user id. */
  familyUserId: string;
  participantId: string;
  /** What they want to see, e.g. "participants.view" or "schedule.view". */
  scope: string;
  /** Active consents the participant has signed for this person (none exist yet). */
  consents: readonly { scopes: readonly string[]; expiresAt: Date | null; revokedAt: Date | null }[];
  now: Date;
}

export function hasFamilyConsent(query: FamilyConsentQuery): boolean {
  return query.consents.some(
    (c) =>
      c.revokedAt === null &&
      (c.expiresAt === null || c.expiresAt.getTime() > query.now.getTime()) &&
      c.scopes.includes(query.scope),
  );
}

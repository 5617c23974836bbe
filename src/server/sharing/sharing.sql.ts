import { and, eq, isNull, sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";
import { disclosureBlocks, familyLinks, sharedUpdates } from "../db/schema";

/**
 * Storage of sharing with family and support people: the family recipients of a participant's
 * consents with the account each rests on, family links, the do-not-disclose list and shared updates.
 * Storage verbs only; consents themselves are written through `consents/consents.sql.ts`.
 */

const utc = (column: ReturnType<typeof sql>) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface FamilyRecipientRow {
  recipient_id: string;
  consent_id: string;
  created_at: string;
  safety_screen: "safe" | "concern" | null;
  family_user_id: string | null;
  /** Whether the family account has chosen a password (null with no account). */
  account_active: boolean | null;
  /** The newest invitation link's creation (null when none was sent). */
  invitation_sent_at: string | null;
}

/** Every person-recipient of the participant's named-recipient family-involvement consents (void ones left out). */
export function listFamilyRecipients(q: Queryable, participantId: string): Promise<FamilyRecipientRow[]> {
  return queryRows<FamilyRecipientRow>(
    q,
    sql`select cr.id as recipient_id, c.id as consent_id, ${utc(sql`c.created_at`)} as created_at,
          cr.safety_screen, cr.family_user_id, (u.password_hash is not null) as account_active,
          (select ${utc(sql`max(t.created_at)`)} from one_time_tokens t
            where t.user_id = cr.family_user_id and t.purpose = 'invitation') as invitation_sent_at
        from consent_recipients cr
          join consents c on c.id = cr.consent_id
          left join users u on u.id = cr.family_user_id
        where c.participant_id = ${participantId} and c.kind = 'named_recipient'
          and 'family_involvement' = any(c.purposes) and c.status <> 'void' and cr.kind = 'person'
        order by c.created_at desc, cr.id`,
  );
}

export interface AccountByEmailRow {
  id: string;
  kind: "staff" | "participant" | "family";
  display_name: string;
  locale: "en" | "es";
  email: string;
  active: boolean;
  disabled: boolean;
}

export async function findAccountByEmail(
  q: Queryable,
  email: string,
): Promise<AccountByEmailRow | undefined> {
  const rows = await queryRows<AccountByEmailRow>(
    q,
    sql`select id, kind, display_name, locale, email, (password_hash is not null) as active,
          (disabled_at is not null) as disabled
        from users where lower(email) = ${email.toLowerCase()}`,
  );
  return rows[0];
}

/** Link a family account to the participant on this consent recipient (a link that exists moves onto it). */
export async function upsertFamilyLink(
  q: Queryable,
  values: {
    userId: string;
    participantId: string;
    relationship: string;
    consentRecipientId: string;
    at: Date;
  },
): Promise<void> {
  await q
    .insert(familyLinks)
    .values({
      userId: values.userId,
      participantId: values.participantId,
      relationship: values.relationship,
      consentRecipientId: values.consentRecipientId,
      createdAt: values.at,
    })
    .onConflictDoUpdate({
      target: [familyLinks.userId, familyLinks.participantId],
      set: { relationship: values.relationship, consentRecipientId: values.consentRecipientId },
    });
}

// --- do-not-disclose list --------------------------------------------------------------------
export interface BlockRow {
  id: string;
  name: string;
  email: string;
  note: string;
  created_at: string;
}

export function listBlocks(q: Queryable, participantId: string): Promise<BlockRow[]> {
  return queryRows<BlockRow>(
    q,
    sql`select id, name, email, note, ${utc(sql`created_at`)} as created_at from disclosure_blocks
        where participant_id = ${participantId} and removed_at is null order by created_at, id`,
  );
}

export async function insertBlock(
  q: Queryable,
  values: { participantId: string; name: string; email: string; note: string; createdBy: string; at: Date },
): Promise<string> {
  const [row] = await q
    .insert(disclosureBlocks)
    .values({
      participantId: values.participantId,
      name: values.name,
      email: values.email,
      note: values.note,
      createdBy: values.createdBy,
      createdAt: values.at,
    })
    .returning({ id: disclosureBlocks.id });
  return row!.id;
}

/** Take an entry off the list (kept, stamped). False when it is not the participant's or already removed. */
export async function markBlockRemoved(
  q: Queryable,
  participantId: string,
  blockId: string,
  at: Date,
): Promise<boolean> {
  const rows = await q
    .update(disclosureBlocks)
    .set({ removedAt: at })
    .where(
      and(
        eq(disclosureBlocks.id, blockId),
        eq(disclosureBlocks.participantId, participantId),
        isNull(disclosureBlocks.removedAt),
      ),
    )
    .returning({ id: disclosureBlocks.id });
  return rows.length > 0;
}

// --- shared updates --------------------------------------------------------------------------
export interface SharedUpdateRow {
  id: string;
  body: string;
  created_at: string;
}

export function listSharedUpdates(q: Queryable, participantId: string): Promise<SharedUpdateRow[]> {
  return queryRows<SharedUpdateRow>(
    q,
    sql`select id, body, ${utc(sql`created_at`)} as created_at from shared_updates
        where participant_id = ${participantId} and removed_at is null order by created_at desc, id`,
  );
}

export async function insertSharedUpdate(
  q: Queryable,
  values: { participantId: string; body: string; at: Date },
): Promise<string> {
  const [row] = await q
    .insert(sharedUpdates)
    .values({ participantId: values.participantId, body: values.body, createdAt: values.at })
    .returning({ id: sharedUpdates.id });
  return row!.id;
}

/** Remove (`at`) or restore (null) one of the participant's updates. False when there is no such update in that state. */
export async function setSharedUpdateRemoved(
  q: Queryable,
  participantId: string,
  updateId: string,
  removedAt: Date | null,
): Promise<boolean> {
  const rows = await q
    .update(sharedUpdates)
    .set({ removedAt })
    .where(
      and(
        eq(sharedUpdates.id, updateId),
        eq(sharedUpdates.participantId, participantId),
        removedAt === null ? sql`${sharedUpdates.removedAt} is not null` : isNull(sharedUpdates.removedAt),
      ),
    )
    .returning({ id: sharedUpdates.id });
  return rows.length > 0;
}

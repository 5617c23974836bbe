import { sql } from "drizzle-orm";
import { type Queryable, queryRows } from "../db/connection";

/**
 * What an individual or family note reads of its appointment: who, when, where, who else took part,
 * and the attendance recorded on it. The note's own rows are in notes.sql.ts. No business rule here.
 */

export interface NoteAppointmentRow {
  id: string;
  site_id: string;
  participant_id: string;
  /** The appointment's episode, else the participant's open one (latest admitted); null when neither. */
  episode_id: string | null;
  kind: "individual" | "family";
  status: "scheduled" | "cancelled";
  starts_at: Date;
  ends_at: Date;
  local_date: string;
  telehealth: boolean;
  location: string;
  room_name: string | null;
  family_attendees: { userId: string | null; name: string; relationship: string }[];
  attendance_status: string | null;
  minutes_attended: number | null;
}

export async function findAppointment(q: Queryable, id: string): Promise<NoteAppointmentRow | undefined> {
  const rows = await queryRows<
    Omit<NoteAppointmentRow, "starts_at" | "ends_at"> & { starts_at: string | Date; ends_at: string | Date }
  >(
    q,
    sql`select a.id, a.site_id, a.participant_id,
          coalesce(a.episode_id, (
            select e.id from episodes e
            where e.participant_id = a.participant_id and e.discharged_on is null
            order by e.admitted_on desc, e.created_at desc limit 1
          )) as episode_id,
          a.kind, a.status, a.starts_at, a.ends_at, a.local_date::text as local_date, a.telehealth,
          a.location, r.name as room_name, a.family_attendees, a.attendance_status, a.minutes_attended
        from appointments a left join rooms r on r.id = a.room_id
        where a.id = ${id}`,
  );
  const row = rows[0];
  if (!row) return undefined;
  return { ...row, starts_at: new Date(row.starts_at), ends_at: new Date(row.ends_at) };
}

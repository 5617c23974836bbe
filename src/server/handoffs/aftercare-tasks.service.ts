import { aftercarePlanContentSchema } from "../../core/aftercare/aftercare-plan.schema";
import {
  firstAppointmentDueOn,
  isTaskOverdue,
  needsFirstAppointmentTask,
} from "../../core/handoffs/handoff.rules";
import { addDays } from "../../core/platform/dates";
import { localDateIn } from "../../core/treatment-plans/review-due.rules";
import type { RaiseAlert } from "../alerts/alerts.service";
import { appendAudit, SYSTEM_CONTEXT } from "../audit/audit.service";
import type { Database } from "../db/connection";
import * as store from "./handoffs.sql";

/**
 * The first-appointment task, from an hourly sweep: (a) each signed aftercare plan with a step-down
 * appointment date and no task yet gets a `confirm_first_appointment` task due the day after the
 * appointment; (b) each open task past its due date on the site's calendar raises one
 * `aftercare_appointment_unconfirmed` warning for the primary counselor (evidence: the task, item: the
 * appointment date) — once per task, whatever became of that alert. Recording the outcome closes the
 * task and resolves the alert (handoffs.service `recordOutcome`).
 */
export function createAftercareTasksService(deps: { db: Database; now: () => Date; raiseAlert: RaiseAlert }) {
  const { db, now, raiseAlert } = deps;
  return {
    async sweepAftercareTasks(at: Date = now()): Promise<{ created: number; alerted: number }> {
      let created = 0;
      let alerted = 0;
      for (const plan of await store.listSignedPlansWithoutTask(db)) {
        const parsed = aftercarePlanContentSchema.safeParse(plan.content);
        if (!parsed.success) continue;
        const stepDown = parsed.data.stepDown;
        if (!needsFirstAppointmentTask({ status: plan.status, stepDown })) continue;
        const appointmentOn = stepDown!.appointmentOn!;
        await db.transaction(async (tx) => {
          const id = await store.insertTask(tx, {
            episodeId: plan.episode_id,
            participantId: plan.participant_id,
            siteId: plan.site_id,
            appointmentOn,
            dueOn: firstAppointmentDueOn(appointmentOn),
            at,
          });
          if (!id) return;
          created += 1;
          await appendAudit(
            tx,
            SYSTEM_CONTEXT,
            {
              action: "aftercare_task.create",
              resourceType: "aftercare_task",
              resourceId: id,
              participantId: plan.participant_id,
              purpose: "treatment",
              details: { kind: "confirm_first_appointment" },
            },
            at,
          );
        });
      }
      // No site's date is more than a day ahead of UTC's: the query narrows, the rule decides per site.
      const latestDue = addDays(localDateIn(at, "UTC"), 1);
      for (const task of await store.listOpenTasksNeverAlerted(db, latestDue)) {
        if (!isTaskOverdue({ status: "open", dueOn: task.due_on }, localDateIn(at, task.time_zone))) continue;
        await db.transaction(async (tx) => {
          const result = await raiseAlert(
            tx,
            {
              kind: "aftercare_appointment_unconfirmed",
              severity: "warning",
              participantId: task.participant_id,
              reason: `The first appointment after discharge (${task.appointment_on}) has not been confirmed. Call the provider or the participant and record what happened.`,
              evidence: { kind: "aftercare_task", id: task.id, item: task.appointment_on },
              context: SYSTEM_CONTEXT,
            },
            at,
          );
          if (result.raised) alerted += 1;
        });
      }
      return { created, alerted };
    },
  };
}
export type AftercareTasksService = ReturnType<typeof createAftercareTasksService>;

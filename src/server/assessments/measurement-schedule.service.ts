import {
  compareWorklist,
  isOnWorklist,
  matchesStatusFilter,
  overdueReason,
  worklistDischargeCutoff,
} from "../../core/assessments/due-lists.rules";
import type {
  DueList,
  DueListItem,
  DueListQuery,
  DueMeasureView,
  MeasurementScheduleSettings,
  MeasurementScheduleView,
  ParticipantDue,
  ScheduleInstrument,
} from "../../core/assessments/measurement-schedule.schema";
import {
  type Administration,
  computeDue,
  type DueMeasure,
  validateSchedule,
} from "../../core/assessments/schedule.rules";
import { DomainError } from "../../core/platform/errors";
import type { RaiseAlert } from "../alerts/alerts.service";
import { type AuditContext, appendAudit, recordAudit, SYSTEM_CONTEXT } from "../audit/audit.service";
import type { Database } from "../db/connection";
import type { Actor } from "../identity/auth.service";
import type { InstrumentCatalog } from "./instrument-catalog";
import { readMeasurementSchedule, writeMeasurementSchedule } from "./measurement-schedule.repo";
import * as store from "./measurement-schedule.sql";

/**
 * The calendar day the schedule counts in: the UTC date, as the rest of the assessments domain does
 * (a response's default completion day and an assignment's earliest due day are UTC dates too), so a
 * questionnaire completed today never still shows as due today.
 */
const dayOf = (at: Date) => at.toISOString().slice(0, 10);

interface Measured {
  row: store.MeasuredEpisodeRow;
  measures: DueMeasure[];
}

/** The program's measurement schedule: the setting, what is due per participant, and the overdue sweep. */
export function createMeasurementScheduleService(deps: {
  db: Database;
  now: () => Date;
  catalog: InstrumentCatalog;
  raiseAlert: RaiseAlert;
}) {
  const { db, now, catalog, raiseAlert } = deps;
  const instruments: ScheduleInstrument[] = [...catalog.values()].map(({ definition, questionnaire }) => ({
    key: definition.key,
    title: questionnaire.title ?? definition.key,
    titleEs:
      questionnaire._title?.extension
        ?.find((e) => e.extension?.some((p) => p.url === "lang" && p.valueCode === "es"))
        ?.extension?.find((p) => p.url === "content")?.valueString ??
      questionnaire.title ??
      definition.key,
    audience: definition.audience,
  }));
  const knownKeys = instruments.map((i) => i.key);
  const titles = new Map(instruments.map((i) => [i.key, i]));

  const readSchedule = () => readMeasurementSchedule(db, knownKeys);

  /** What is due for each participant of the filter, from two queries and the pure schedule rule. */
  async function measure(
    filter: store.MeasuredFilter,
    settings: MeasurementScheduleSettings,
    today: string,
  ): Promise<Measured[]> {
    const [episodes, latest] = await Promise.all([
      store.listMeasuredEpisodes(db, filter),
      store.listLatestAdministrations(db, filter, today),
    ]);
    const given = new Map<string, Administration[]>();
    for (const r of latest) {
      const list = given.get(r.participant_id) ?? [];
      list.push({ instrumentKey: r.instrument_key, on: r.last_on });
      given.set(r.participant_id, list);
    }
    return episodes.map((row) => ({
      row,
      measures: computeDue(
        settings.entries,
        { admittedOn: row.admitted_on, dischargedOn: row.discharged_on, audience: row.audience },
        given.get(row.participant_id) ?? [],
        today,
        { graceDays: settings.graceDays },
      ),
    }));
  }

  function toView(measure: DueMeasure, row: store.MeasuredEpisodeRow): DueMeasureView {
    const instrument = titles.get(measure.instrumentKey);
    const assignment = row.open_assignments.find((a) => a.instrumentKey === measure.instrumentKey);
    return {
      instrumentKey: measure.instrumentKey,
      title: instrument?.title ?? measure.instrumentKey,
      titleEs: instrument?.titleEs ?? measure.instrumentKey,
      dueOn: measure.dueOn,
      status: measure.status,
      reason: measure.reason,
      alsoScheduled: measure.alsoScheduled,
      explanation: measure.explanation,
      openAssignment: assignment ? { id: assignment.id, dueOn: assignment.dueOn } : null,
    };
  }

  return {
    async schedule(): Promise<MeasurementScheduleView> {
      return { ...(await readSchedule()), instruments };
    },

    /** Replace the schedule: every problem named by field, or saved and audited in one transaction. */
    async updateSchedule(
      input: MeasurementScheduleSettings,
      context: AuditContext,
    ): Promise<MeasurementScheduleView> {
      const problems = validateSchedule(input.entries, knownKeys);
      if (problems.length > 0) {
        throw new DomainError(
          "VALIDATION_FAILED",
          undefined,
          problems.map((p) => ({ path: `entries.${p.path}`, message: p.message })),
        );
      }
      const at = now();
      await db.transaction(async (tx) => {
        await writeMeasurementSchedule(tx, input, at);
        await appendAudit(
          tx,
          context,
          {
            action: "settings.measurement_schedule_update",
            resourceType: "settings",
            purpose: "operations",
            details: {
              entries: input.entries.length,
              schedule: input.entries
                .map((e) =>
                  [
                    e.instrumentKey,
                    e.at === "every_n_days"
                      ? `every ${e.n} days`
                      : e.at === "follow_up"
                        ? `follow-up ${e.days} days`
                        : e.at,
                    e.audience,
                  ].join(" "),
                )
                .join("; "),
              graceDays: input.graceDays,
            },
          },
          at,
        );
      });
      return { ...(await readSchedule()), instruments };
    },

    /**
     * The worklist: what the participants the actor may see owe now, longest-waiting first. Read
     * through the participant list's scope (my sites, or only my care team when my clinical access is
     * caseload-scoped; `mine` narrows to my care team); every participant shown is audited.
     */
    async dueList(actor: Actor, query: DueListQuery, context: AuditContext): Promise<DueList> {
      const grant = actor.access.grants["clinical.view"];
      if (actor.user.kind !== "staff" || !grant) throw new DomainError("AUTH_FORBIDDEN");
      const at = now();
      const today = dayOf(at);
      const settings = await readSchedule();
      const measured = await measure(
        {
          scope: {
            actorUserId: actor.user.id,
            siteIds: actor.access.siteIds,
            careTeamOnly: grant === "caseload" || query.scope === "mine",
          },
          siteId: query.siteId,
          dischargedSince: worklistDischargeCutoff(settings.entries, today),
        },
        settings,
        today,
      );
      const owed: DueListItem[] = [];
      for (const { row, measures } of measured) {
        for (const m of measures) {
          if (!isOnWorklist(m, today)) continue;
          owed.push({
            ...toView(m, row),
            participant: { id: row.participant_id, name: row.name },
            site: { id: row.site_id, name: row.site_name },
          });
        }
      }
      const counts = {
        due: owed.filter((m) => m.status === "due").length,
        overdue: owed.filter((m) => m.status === "overdue").length,
      };
      const listed = owed
        .filter(
          (m) =>
            matchesStatusFilter(m, query.status) &&
            (!query.instrumentKey || m.instrumentKey === query.instrumentKey),
        )
        .sort((a, b) =>
          compareWorklist(
            { ...a, participantName: a.participant.name },
            { ...b, participantName: b.participant.name },
          ),
        );
      const items = listed.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
      const shown = [...new Set(items.map((i) => i.participant.id))];
      const base = {
        action: "assessment.due_list",
        resourceType: "assessment_schedule",
        purpose: "treatment" as const,
      };
      await recordAudit(
        db,
        context,
        shown.length === 0
          ? base
          : shown.map((participantId) => ({ ...base, participantId, resourceId: participantId })),
        at,
      );
      return { items, total: listed.length, page: query.page, pageSize: query.pageSize, today, counts };
    },

    /** Everything scheduled for one participant's latest episode, upcoming included (the route checked access). */
    async participantDue(participantId: string): Promise<ParticipantDue> {
      const today = dayOf(now());
      const settings = await readSchedule();
      const [one] = await measure({ scope: null, participantId }, settings, today);
      return {
        today,
        graceDays: settings.graceDays,
        episode: one
          ? {
              admittedOn: one.row.admitted_on,
              dischargedOn: one.row.discharged_on,
              audience: one.row.audience,
            }
          : null,
        measures: one ? one.measures.map((m) => toView(m, one.row)) : [],
      };
    },

    /**
     * Raise one `measure_overdue` info alert per participant and questionnaire that is overdue on a
     * worklist, for the primary counselor. An unresolved alert about the same questionnaire is not
     * raised again (the alerts service keeps one per finding), so a daily run only adds what is new.
     * The job queue runs it once a day; tests call it directly with their clock.
     */
    async sweepOverdueMeasures(at: Date = now()): Promise<{ raised: number; alreadyOpen: number }> {
      const today = dayOf(at);
      const settings = await readSchedule();
      const measured = await measure(
        { scope: null, dischargedSince: worklistDischargeCutoff(settings.entries, today) },
        settings,
        today,
      );
      let raised = 0;
      let alreadyOpen = 0;
      for (const { row, measures } of measured) {
        const overdue = measures.filter((m) => m.status === "overdue" && isOnWorklist(m, today));
        if (overdue.length === 0) continue;
        const outcomes = await db.transaction(async (tx) => {
          const raisedHere: boolean[] = [];
          for (const m of overdue) {
            const result = await raiseAlert(
              tx,
              {
                kind: "measure_overdue",
                severity: "info",
                participantId: row.participant_id,
                reason: overdueReason(titles.get(m.instrumentKey)?.title ?? m.instrumentKey, m, today),
                evidence: { kind: "participant_record", id: row.participant_id, item: m.instrumentKey },
                context: SYSTEM_CONTEXT,
              },
              at,
            );
            raisedHere.push(result.raised);
          }
          return raisedHere;
        });
        raised += outcomes.filter(Boolean).length;
        alreadyOpen += outcomes.filter((r) => !r).length;
      }
      return { raised, alreadyOpen };
    },
  };
}
export type MeasurementScheduleService = ReturnType<typeof createMeasurementScheduleService>;

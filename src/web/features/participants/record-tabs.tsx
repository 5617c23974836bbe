import { Tabs } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import { AssessmentsPanel } from "../assessments/assessments-panel";
import { CheckInsTimelinePanel } from "../check-ins/chart/check-ins-timeline-panel";
import { ConsentsTab } from "../consents/chart/consents-tab";
import { DischargeTab } from "../discharges/discharge-tab";
import { FamilySection } from "../family/chart/family-section";
import { ChartNotesPanel } from "../notes/chart-notes-panel";
import { SchedulePanel } from "../participant-schedule/schedule-panel";
import { PersonalPlansPanel } from "../personal-plans/personal-plans-panel";
import { PlanPanel } from "../treatment-plans/plan-panel";
import { CheckInsPanel } from "./check-ins-panel";

/** The record's tabs, in order; the value is what `?tab=` carries. */
export const RECORD_TABS = [
  "overview",
  "assessments",
  "plan",
  "schedule",
  "notes",
  "checkins",
  "family",
  "consents",
  "discharge",
] as const;
export type RecordTab = (typeof RECORD_TABS)[number];

/** The tab a `?tab=` value names; Overview when it is missing or names no tab. */
export function recordTabFrom(value: string | null): RecordTab {
  return RECORD_TABS.find((tab) => tab === value) ?? "overview";
}

/**
 * The record below its header, one tab per part of the chart. The selected tab lives in the URL
 * (`?tab=checkins`), so a reload or the back button returns to it; Overview leaves the URL bare.
 */
export function RecordTabs({ record, overview }: { record: ParticipantRecord; overview: ReactNode }) {
  const { t } = useTranslation("admin");
  const [params, setParams] = useSearchParams();
  const tab = recordTabFrom(params.get("tab"));
  const select = (value: string | null) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      const chosen = recordTabFrom(value);
      if (chosen === "overview") next.delete("tab");
      else next.set("tab", chosen);
      return next;
    });

  return (
    <Tabs value={tab} onChange={select} keepMounted={false}>
      <Tabs.List aria-label={t("record.tabs.label")} mb="md">
        {RECORD_TABS.map((value) => (
          <Tabs.Tab key={value} value={value}>
            {t(`record.tabs.${value}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value="overview">{overview}</Tabs.Panel>
      <Tabs.Panel value="assessments">
        <AssessmentsPanel participantId={record.id} />
      </Tabs.Panel>
      <Tabs.Panel value="plan">
        <PlanPanel record={record} />
        <PersonalPlansPanel participantId={record.id} />
      </Tabs.Panel>
      <Tabs.Panel value="schedule">
        <SchedulePanel record={record} />
      </Tabs.Panel>
      <Tabs.Panel value="notes">
        <ChartNotesPanel record={record} />
      </Tabs.Panel>
      <Tabs.Panel value="checkins">
        {/* Without clinical access the record carries no check-ins: the panel says so. */}
        {record.recentCheckIns === null ? (
          <CheckInsPanel checkIns={null} />
        ) : (
          <CheckInsTimelinePanel participantId={record.id} />
        )}
      </Tabs.Panel>
      <Tabs.Panel value="family">
        <FamilySection record={record} />
      </Tabs.Panel>
      <Tabs.Panel value="consents">
        <ConsentsTab record={record} />
      </Tabs.Panel>
      <Tabs.Panel value="discharge">
        <DischargeTab record={record} />
      </Tabs.Panel>
    </Tabs>
  );
}

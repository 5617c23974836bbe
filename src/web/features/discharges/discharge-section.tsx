import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Loader,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { DischargeEpisode, Readiness } from "../../../core/discharges/discharges.schema";
import type { ParticipantRecord } from "../../../core/participants/participants.schema";
import { formatDate } from "../admin/format";
import { EmptyState, LoadError, ScrollTable } from "../admin/page-states";
import { levelLabel } from "../participants/level-label";
import { RecordSection } from "../participants/record-section";
import { useDischargeReadiness } from "./api/get-discharge-readiness";
import { DischargeModal, UnsignedNoteList } from "./discharge-modal";

const hours = (minutes: number) => (Math.round((minutes / 60) * 10) / 10).toString();

/**
 * The Discharge tab's first section: for a person in the program, their readiness (plan criteria,
 * objectives, attendance, scores, risks, unsigned notes) and the "Discharge…" button; then every
 * episode with its discharge; for someone discharged, the way to a re-admission.
 */
export function DischargeSection({ record }: { record: ParticipantRecord }) {
  const { t } = useTranslation("discharges");
  const overview = useDischargeReadiness(record.id);
  const [open, setOpen] = useState(false);

  if (overview.isPending) {
    return (
      <RecordSection title={t("readiness.title")} id="discharge-readiness">
        <Group gap="xs" role="status">
          <Loader size="sm" aria-hidden />
          <Text size="sm">{t("readiness.loading")}</Text>
        </Group>
      </RecordSection>
    );
  }
  if (overview.isError) {
    return (
      <RecordSection title={t("readiness.title")} id="discharge-readiness">
        <LoadError
          error={overview.error}
          onRetry={() => void overview.refetch()}
          title={t("readiness.loadError")}
        />
      </RecordSection>
    );
  }
  const { readiness, episodes, levels, today } = overview.data;
  return (
    <Stack gap="xl">
      {readiness ? (
        <RecordSection
          title={t("readiness.title")}
          id="discharge-readiness"
          action={<Button onClick={() => setOpen(true)}>{t("form.open")}</Button>}
        >
          <ReadinessCard readiness={readiness} />
          {open && (
            <DischargeModal
              record={record}
              admittedOn={readiness.admittedOn}
              levelOfCare={readiness.levelOfCare}
              levels={levels}
              today={today}
              onClose={() => setOpen(false)}
            />
          )}
        </RecordSection>
      ) : (
        episodes.some((e) => e.dischargedOn) && (
          <RecordSection title={t("readmission.title")} id="discharge-readmission">
            <Text size="sm" mb="xs">
              {t("readmission.body")}
            </Text>
            <Anchor component={Link} to="/staff/admissions/referrals/new">
              {t("readmission.link")}
            </Anchor>
          </RecordSection>
        )
      )}
      <EpisodesTable episodes={episodes} />
    </Stack>
  );
}

function ReadinessCard({ readiness }: { readiness: Readiness }) {
  const { t, i18n } = useTranslation("discharges");
  const date = (iso: string) => formatDate(iso, i18n.language);
  const { attendance, risks } = readiness;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t("readiness.intro")}
      </Text>
      {readiness.concerns.length === 0 ? (
        <Alert color="green" variant="light">
          {t("readiness.noConcerns")}
        </Alert>
      ) : (
        <Alert color="yellow" variant="light" title={t("readiness.concernsTitle")}>
          <Group gap="xs">
            {readiness.concerns.map((c) => (
              <Badge key={c} color="yellow" variant="light">
                {t(`readiness.concerns.${c}`)}
              </Badge>
            ))}
          </Group>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t("readiness.criteria")}
          </Title>
          {!readiness.plan.signed ? (
            <Text size="sm">{t("readiness.noSignedPlan")}</Text>
          ) : readiness.plan.criteria.length === 0 ? (
            <Text size="sm">{t("readiness.noCriteria")}</Text>
          ) : (
            <List size="sm">
              {readiness.plan.criteria.map((c) => (
                <List.Item key={c}>{c}</List.Item>
              ))}
            </List>
          )}
          <Title order={3} size="h5" mt="sm">
            {t("readiness.objectives")}
          </Title>
          <Text size="sm">
            {readiness.objectives.total === 0
              ? t("readiness.noObjectives")
              : t("readiness.objectivesValue", readiness.objectives)}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t("readiness.attendance")}
          </Title>
          {attendance.weeks.length === 0 ? (
            <Text size="sm">{t("readiness.noWeeks")}</Text>
          ) : (
            <>
              <Text size="sm">
                {t(`readiness.trend.${attendance.trend}`)} ·{" "}
                {t("readiness.weeksMet", { met: attendance.weeksMet, total: attendance.weeks.length })}
              </Text>
              <List size="sm">
                {attendance.weeks.map((w) => (
                  <List.Item key={w.weekStart}>
                    {t("readiness.attendanceWeek", { date: date(w.weekStart) })}:{" "}
                    {t("readiness.attendanceHours", {
                      attended: hours(w.attendedMinutes),
                      minimum: hours(w.minimumMinutes),
                    })}
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Stack>
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t("readiness.scores")}
          </Title>
          {readiness.scores.length === 0 ? (
            <Text size="sm">{t("readiness.noScores")}</Text>
          ) : (
            <List size="sm">
              {readiness.scores.map((s) => (
                <List.Item key={s.instrumentKey}>
                  {t("readiness.score", {
                    instrument: s.instrumentKey.toUpperCase(),
                    score: s.score,
                    date: date(s.on),
                  })}{" "}
                  ({t(`readiness.status.${s.status ?? "none"}`)})
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
        <Stack gap={4}>
          <Title order={3} size="h5">
            {t("readiness.risks")}
          </Title>
          {risks.openUrgentAlerts === 0 && risks.useDays.length === 0 && risks.criticalAnswers === 0 ? (
            <Text size="sm">{t("readiness.noRisks")}</Text>
          ) : (
            <List size="sm">
              {risks.openUrgentAlerts > 0 && (
                <List.Item>{t("readiness.openUrgentAlerts", { count: risks.openUrgentAlerts })}</List.Item>
              )}
              {risks.useDays.length > 0 && (
                <List.Item>{t("readiness.useDays", { count: risks.useDays.length })}</List.Item>
              )}
              {risks.criticalAnswers > 0 && (
                <List.Item>{t("readiness.criticalAnswers", { count: risks.criticalAnswers })}</List.Item>
              )}
            </List>
          )}
        </Stack>
      </SimpleGrid>
      <Stack gap={4}>
        <Title order={3} size="h5">
          {t("readiness.unsignedNotes")}
        </Title>
        {readiness.unsignedNotes.length === 0 ? (
          <Text size="sm">{t("readiness.noUnsignedNotes")}</Text>
        ) : (
          <UnsignedNoteList notes={readiness.unsignedNotes} />
        )}
      </Stack>
    </Stack>
  );
}

/** Every episode of care, the latest first, with its discharge and the episode it follows. */
function EpisodesTable({ episodes }: { episodes: readonly DischargeEpisode[] }) {
  const { t, i18n } = useTranslation("discharges");
  const date = (iso: string) => formatDate(iso, i18n.language);
  const current = episodes.find((e) => e.dischargedOn === null);
  return (
    <RecordSection title={t("episodes.title")} id="episodes">
      {current && <Text mb="xs">{t("episodes.openSince", { date: date(current.admittedOn) })}</Text>}
      {episodes.length === 0 ? (
        <EmptyState>{t("episodes.empty")}</EmptyState>
      ) : (
        <>
          <ScrollTable label={t("episodes.title")} minWidth={760}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("episodes.admitted")}</Table.Th>
                <Table.Th scope="col">{t("episodes.discharged")}</Table.Th>
                <Table.Th scope="col">{t("episodes.reason")}</Table.Th>
                <Table.Th scope="col">{t("episodes.teds")}</Table.Th>
                <Table.Th scope="col">{t("episodes.levels")}</Table.Th>
                <Table.Th scope="col">{t("episodes.referred")}</Table.Th>
                <Table.Th scope="col">{t("episodes.track")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {episodes.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>
                    {date(e.admittedOn)}
                    {e.previousEpisode && (
                      <Text size="xs" c="dimmed">
                        {t("episodes.follows", { date: date(e.previousEpisode.admittedOn) })}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {e.dischargedOn ? (
                      date(e.dischargedOn)
                    ) : (
                      <Badge variant="light">{t("episodes.current")}</Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {e.reason ? t(`reasons.${e.reason}`) : "—"}
                    {e.note && (
                      <Text size="xs" c="dimmed">
                        {e.note}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{e.tedsReasonCode ?? "—"}</Table.Td>
                  <Table.Td>
                    {e.dischargeLevelOfCare
                      ? t("episodes.levelsValue", {
                          level: levelLabel(e.levelOfCare, t),
                          discharge: levelLabel(e.dischargeLevelOfCare, t),
                        })
                      : levelLabel(e.levelOfCare, t)}
                  </Table.Td>
                  <Table.Td>
                    {e.referredLevelOfCare === null
                      ? "—"
                      : e.referredLevelOfCare === "none"
                        ? t("form.none")
                        : levelLabel(e.referredLevelOfCare, t)}
                  </Table.Td>
                  <Table.Td>{e.trackName ?? "—"}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
          <Text size="xs" c="dimmed" mt="xs">
            {t("episodes.tedsNote")}
          </Text>
        </>
      )}
    </RecordSection>
  );
}
